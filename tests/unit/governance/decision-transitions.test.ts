import { describe, expect, it } from 'vitest';
import {
	DECISION_STATUSES,
	canTransition,
	isOverdue,
	nextStatuses
} from '../../../src/lib/governance/decision-status';

const ALLOWED = new Set([
	'proposed>approved',
	'proposed>rejected',
	'proposed>superseded',
	'approved>in_progress',
	'approved>done',
	'approved>superseded',
	'in_progress>done',
	'in_progress>superseded',
	'done>superseded'
]);

describe('decision status machine', () => {
	for (const from of DECISION_STATUSES) {
		for (const to of DECISION_STATUSES) {
			const allowed = ALLOWED.has(`${from}>${to}`);
			it(`${allowed ? 'allows' : 'refuses'} ${from} → ${to}`, () => {
				expect(canTransition(from, to)).toBe(allowed);
			});
		}
	}

	it('ends at rejected and superseded', () => {
		expect(nextStatuses('rejected')).toEqual([]);
		expect(nextStatuses('superseded')).toEqual([]);
	});

	it('calls open decisions past their due day overdue, and only those', () => {
		expect(isOverdue({ status: 'approved', dueOn: '2026-03-04' }, '2026-03-05')).toBe(true);
		expect(isOverdue({ status: 'approved', dueOn: '2026-03-05' }, '2026-03-05')).toBe(false);
		expect(isOverdue({ status: 'done', dueOn: '2026-03-01' }, '2026-03-05')).toBe(false);
		expect(isOverdue({ status: 'proposed', dueOn: null }, '2026-03-05')).toBe(false);
	});
});
