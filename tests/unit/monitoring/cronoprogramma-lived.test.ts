import { describe, expect, it } from 'vitest';
import {
	livedCronoprogramma,
	projectMonth,
	yearMonthOf,
	type Evidence,
	type PlannedRow
} from '../../../src/lib/monitoring/cronoprogramma-lived';

const months = (duration: number, planned: number[]) =>
	Array.from({ length: duration }, (_, i) => planned.includes(i + 1));

const orientation: PlannedRow = {
	actionId: 'a3',
	title: 'Area formativa e orientativa',
	area: 'formativa_orientativa',
	months: months(6, [1, 2, 3, 4])
};
const reporting: PlannedRow = {
	actionId: 'a5',
	title: 'Attività rendicontative',
	area: null,
	months: months(6, [2, 5])
};

function grid(today: string, evidence: Evidence[], planned = [orientation, reporting]) {
	return livedCronoprogramma({
		planned,
		durationMonths: 6,
		startsOn: '2025-11-15',
		today,
		evidence
	});
}

const states = (row: { cells: { state: string }[] }) => row.cells.map((c) => c.state);

describe('project months', () => {
	it('counts the calendar month of the start as month 1, whatever its day', () => {
		expect(projectMonth('2025-11-15', '2025-11-01')).toBe(1);
		expect(projectMonth('2025-11-15', '2025-11-30')).toBe(1);
		expect(projectMonth('2025-11-15', '2025-12-01')).toBe(2);
		expect(projectMonth('2025-11-15', '2026-01-31')).toBe(3);
		expect(projectMonth('2025-11-15', '2025-10-31')).toBe(0);
	});

	it('names each month across the year end', () => {
		expect(yearMonthOf('2025-11-15', 1)).toBe('2025-11');
		expect(yearMonthOf('2025-11-15', 2)).toBe('2025-12');
		expect(yearMonthOf('2025-11-15', 3)).toBe('2026-01');
		expect(yearMonthOf('2025-11-15', 14)).toBe('2026-12');
	});
});

describe('delays', () => {
	it('is late only once a planned month is over with nothing done', () => {
		// Today is in month 3 (January 2026): months 1 and 2 are over, 3 is under way.
		const lived = grid('2026-01-10', []);
		expect(lived.currentMonth).toBe(3);
		expect(states(lived.rows[0])).toEqual(['late', 'late', 'current', 'planned', 'none', 'none']);
		expect(lived.rows[0].delays).toBe(2);
		expect(lived.months.map((m) => m.isCurrent)).toEqual([false, false, true, false, false, false]);
	});

	it('takes a month as done by an event on its last day, not by one on the next day', () => {
		const lived = grid('2026-02-01', [
			{ on: '2025-11-30', source: 'pathway', area: 'formativa_orientativa' },
			{ on: '2026-01-01', source: 'pathway', area: 'formativa_orientativa' }
		]);
		expect(states(lived.rows[0]).slice(0, 4)).toEqual(['done', 'late', 'done', 'current']);
		expect(lived.rows[0].delays).toBe(1);
	});

	it('feeds an area to its actions only, and a mark to its own action only', () => {
		const lived = grid('2026-04-20', [
			{ on: '2025-12-03', source: 'pathway', area: 'esperienziale' },
			{ on: '2025-12-09', source: 'mark', actionId: 'a5' }
		]);
		expect(lived.rows[0].cells[1].state).toBe('late');
		expect(lived.rows[1].cells[1]).toEqual({
			month: 2,
			state: 'done',
			sources: ['mark'],
			marked: true
		});
		expect(states(lived.rows[1])).toEqual(['none', 'done', 'none', 'none', 'late', 'none']);
	});

	it('shows work outside the plan as extra, never as a delay', () => {
		const lived = grid('2026-04-20', [
			{ on: '2026-04-02', source: 'meeting', area: 'formativa_orientativa' },
			{ on: '2026-04-02', source: 'mark', actionId: 'a3' }
		]);
		expect(lived.rows[0].cells[5]).toMatchObject({
			state: 'extra',
			sources: ['mark', 'meeting'],
			marked: true
		});
		expect(lived.rows[0].delays).toBe(4);
	});

	it('has nothing late before the start and everything undone late after the end', () => {
		expect(grid('2025-10-31', []).rows.every((r) => r.delays === 0)).toBe(true);
		expect(grid('2025-10-31', []).currentMonth).toBe(0);
		const after = grid('2026-05-01', []);
		expect(after.currentMonth).toBe(7);
		expect(after.months.some((m) => m.isCurrent)).toBe(false);
		expect(after.rows.map((r) => r.delays)).toEqual([4, 2]);
	});

	it('ignores evidence before the start or after the end', () => {
		const lived = grid('2026-05-01', [
			{ on: '2025-10-31', source: 'mark', actionId: 'a3' },
			{ on: '2026-05-01', source: 'mark', actionId: 'a3' }
		]);
		expect(lived.rows[0].cells.every((c) => c.sources.length === 0)).toBe(true);
	});
});
