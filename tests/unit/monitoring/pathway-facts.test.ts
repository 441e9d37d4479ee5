import { describe, expect, it } from 'vitest';
import { derivePerson, parsePath } from '../../../src/lib/server/monitoring/pathway-facts';

const record = (status: 'referred' | 'intake' | 'internship' | 'closed' | 'employed') => ({
	id: 'case-1',
	organisationId: 'org',
	status
});
const ev = (
	kind: 'referral' | 'intake' | 'internship' | 'hire' | 'closure' | 'note',
	occurredOn: string,
	status: 'referred' | 'intake' | 'internship' | 'closed' | 'employed' | null = null
) => ({ caseId: 'case-1', kind, occurredOn, status });

describe('derivePerson', () => {
	it('takes the person in charge at the first intake', () => {
		const p = derivePerson(record('internship'), [
			ev('referral', '2025-01-02', 'referred'),
			ev('intake', '2025-01-20', 'intake'),
			ev('internship', '2025-03-01', 'internship')
		]);
		expect(p.takenInChargeOn).toBe('2025-01-20');
		expect(p.closedOn).toBeNull();
		expect(p.events.map((e) => e.kind)).toEqual(['intake', 'internship']);
	});

	it('without an intake event, at the first step past referred', () => {
		const p = derivePerson(record('employed'), [
			ev('referral', '2025-01-02', 'referred'),
			ev('note', '2025-02-10', 'intake'),
			ev('hire', '2025-05-01', 'employed')
		]);
		expect(p.takenInChargeOn).toBe('2025-02-10');
	});

	it('a referral alone is nobody taken in charge', () => {
		expect(derivePerson(record('referred'), [ev('referral', '2025-01-02')]).takenInChargeOn).toBe(
			null
		);
	});

	it('is closed at its last closure only while the path is closed', () => {
		const events = [
			ev('intake', '2025-01-20', 'intake'),
			ev('closure', '2025-04-01', 'closed'),
			ev('closure', '2025-09-01', 'closed')
		];
		expect(derivePerson(record('closed'), events).closedOn).toBe('2025-09-01');
		expect(derivePerson(record('intake'), events).closedOn).toBeNull();
	});

	it('carries no note, no pseudonym and no identity', () => {
		const p = derivePerson(record('intake'), [ev('intake', '2025-01-20', 'intake')]);
		expect(Object.keys(p).sort()).toEqual(
			[
				'closedOn',
				'districtId',
				'parentDistrictId',
				'events',
				'key',
				'organisationId',
				'takenInChargeOn'
			].sort()
		);
		expect(Object.keys(p.events[0]).sort()).toEqual(['kind', 'on']);
	});
});

describe('parsePath', () => {
	it('unfolds the log the query folds, statuses null when absent', () => {
		expect(parsePath('c', 'intake:2025-01-20:intake,note:2025-02-01:')).toEqual([
			{ caseId: 'c', kind: 'intake', occurredOn: '2025-01-20', status: 'intake' },
			{ caseId: 'c', kind: 'note', occurredOn: '2025-02-01', status: null }
		]);
		expect(parsePath('c', null)).toEqual([]);
	});

	it('unfolds the counted fields: amount, code and organisation', () => {
		expect(
			parsePath('c', 'internship:2025-05-02::3.5::,hire:2025-11-03:employed::permanent:org-1')
		).toEqual([
			{ caseId: 'c', kind: 'internship', occurredOn: '2025-05-02', status: null, amount: 3.5 },
			{
				caseId: 'c',
				kind: 'hire',
				occurredOn: '2025-11-03',
				status: 'employed',
				code: 'permanent',
				organisationId: 'org-1'
			}
		]);
	});

	it('gives each kind only the fields it counts', () => {
		const p = derivePerson(
			record('closed'),
			parsePath(
				'case-1',
				[
					'intake:2025-01-20:intake:::',
					'orientation:2025-02-01::2.5::',
					'internship:2025-03-01:internship:6::',
					'hire:2025-09-01:employed::fixed_term:org-9',
					'closure:2025-10-01:closed::employed:'
				].join(',')
			)
		);
		expect(p.events).toEqual([
			{ kind: 'intake', on: '2025-01-20' },
			{ kind: 'orientation', on: '2025-02-01', hours: 2.5 },
			{ kind: 'internship', on: '2025-03-01', months: 6 },
			{ kind: 'hire', on: '2025-09-01', employerId: 'org-9', contract: 'fixed_term' },
			{ kind: 'closure', on: '2025-10-01', reason: 'employed' }
		]);
	});
});
