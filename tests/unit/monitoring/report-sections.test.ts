import { describe, expect, it } from 'vitest';
import {
	cronoprogrammaTable,
	monthRanges,
	traceabilityTable
} from '../../../src/lib/server/monitoring/report-sections';
import { barText } from '../../../src/lib/server/monitoring/report';
import type {
	LivedCronoprogramma,
	CellState
} from '../../../src/lib/monitoring/cronoprogramma-lived';
import type { TraceabilityView } from '../../../src/lib/server/monitoring/traceability';

describe('the report’s month ranges', () => {
	it('joins consecutive months and keeps single ones', () => {
		expect(monthRanges([6, 7, 8, 11, 12, 15, 16, 17, 18])).toBe('M6–M8, M11–M12, M15–M18');
		expect(monthRanges([3, 1, 1])).toBe('M1, M3');
		expect(monthRanges([])).toBe('—');
	});
});

describe('the target bar', () => {
	it('draws one square per tenth reached, a plus past the target, a dash when withheld', () => {
		expect(barText(44)).toBe('■■■■');
		expect(barText(100)).toBe('■■■■■■■■■■');
		expect(barText(150)).toBe('■■■■■■■■■■+');
		expect(barText(4)).toBe('·');
		expect(barText(null)).toBe('—');
	});
});

describe('the cronoprogramma table', () => {
	it('puts planned months beside the months done, and the months late', () => {
		const states: CellState[] = ['done', 'late', 'late', 'extra', 'planned', 'none'];
		const lived = {
			months: [],
			currentMonth: 5,
			rows: [
				{
					actionId: 'a3',
					title: 'Orientamento',
					area: null,
					delays: 2,
					cells: states.map((state, i) => ({ month: i + 1, state, sources: [], marked: false }))
				}
			]
		} as unknown as LivedCronoprogramma;
		expect(cronoprogrammaTable(lived).rows).toEqual([['Orientamento', 'M1–M3, M5', 'M1, M4', '2']]);
	});
});

describe('the traceability table', () => {
	it('walks need → objective → actions → indicators, with figures and gaps named', () => {
		const view = {
			forward: [
				{
					id: 'n1',
					title: 'Giovani senza lavoro',
					objectives: [
						{
							id: 'o1',
							title: 'Orientare 120 persone',
							actions: [
								{ ref: 'p:a3', title: 'Orientamento', monthsDone: 1, delays: 0, decisions: [] }
							],
							indicators: [
								{ key: 'orientation_training', label: 'Orientamento e formazione', targeted: true }
							],
							needs: []
						}
					]
				},
				{ id: 'n2', title: 'Neo-genitori isolati', objectives: [] }
			],
			unrooted: [],
			outcomes: {
				orientation_training: { total: { value: 30, suppressed: false }, target: 120, progress: 25 }
			}
		} as unknown as TraceabilityView;
		expect(traceabilityTable(view).rows).toEqual([
			[
				'Giovani senza lavoro',
				'Orientare 120 persone',
				'Orientamento',
				'Orientamento e formazione: 30 su 120'
			],
			['Neo-genitori isolati', 'nessuno', 'nessuno', 'nessuno']
		]);
	});
});
