import { describe, expect, it } from 'vitest';
import { caseEventForm, monthsBetween } from '../../../src/lib/cases/event-form';
import { describeDetails } from '../../../src/lib/cases/event-details';

const host = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
const fieldsOf = (result: { error?: { issues: { path: PropertyKey[] }[] } }) =>
	result.error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('structured pathway events', () => {
	it('folds an internship’s flat fields into its details, with months from start and end', () => {
		const event = caseEventForm.parse({
			kind: 'internship',
			occurredOn: '2026-03-01',
			note: '',
			status: 'internship',
			hostOrganisationId: host,
			internshipStartOn: '2026-03-01',
			internshipEndOn: '2026-08-31',
			months: '',
			monthlyAllowance: '500,00',
			tutorHours: '30',
			outcome: 'ongoing'
		});
		expect(event.details).toEqual({
			hostOrganisationId: host,
			startOn: '2026-03-01',
			endOn: '2026-08-31',
			months: 6,
			monthlyAllowance: 500,
			tutorHours: 30,
			outcome: 'ongoing'
		});
		expect(event.status).toBe('internship');
	});

	it('names each missing or wrong field of a hire', () => {
		const result = caseEventForm.safeParse({
			kind: 'hire',
			occurredOn: '2026-03-01',
			employerOrganisationId: 'not-an-id',
			sector: 'state',
			hoursPerWeek: 'venti'
		});
		expect(fieldsOf(result).sort()).toEqual(
			['contract', 'employerOrganisationId', 'hireStartOn', 'hoursPerWeek', 'sector'].sort()
		);
	});

	it('refuses an internship that ends before it starts and a course attended over plan', () => {
		const internship = caseEventForm.safeParse({
			kind: 'internship',
			occurredOn: '2026-03-01',
			hostOrganisationId: host,
			internshipStartOn: '2026-03-01',
			internshipEndOn: '2026-02-01'
		});
		expect(fieldsOf(internship)).toEqual(['internshipEndOn']);
		const course = caseEventForm.safeParse({
			kind: 'course',
			occurredOn: '2026-03-01',
			courseTitle: 'ASA',
			hoursPlanned: '300',
			hoursAttended: '320'
		});
		expect(fieldsOf(course)).toEqual(['hoursAttended']);
	});

	it('keeps plain kinds free of details and ignores another kind’s fields', () => {
		const event = caseEventForm.parse({
			kind: 'agreement',
			occurredOn: '2026-03-01',
			courseTitle: 'left over'
		});
		expect(event.details).toEqual({});
		expect(
			caseEventForm.parse({ kind: 'closure', occurredOn: '2026-03-01', closureReason: 'employed' })
				.details
		).toEqual({ reason: 'employed' });
	});

	it('counts internship-months in halves', () => {
		expect(monthsBetween('2026-03-01', '2026-08-31')).toBe(6);
		expect(monthsBetween('2026-03-15', '2026-04-29')).toBe(1.5);
		expect(monthsBetween('2026-03-01', undefined)).toBeUndefined();
	});

	it('describes stored details for reading, skipping what was left blank', () => {
		const lines = describeDetails(
			'hire',
			{ employerOrganisationId: host, sector: 'non_profit', contract: 'permanent' },
			{ [host]: 'Coop Il Melo' }
		);
		expect(lines.map(([, value]) => value)).toEqual([
			'Coop Il Melo',
			expect.any(String),
			expect.any(String)
		]);
		expect(describeDetails('note', {})).toEqual([]);
		expect(describeDetails('intake', {})).toEqual([]);
	});
});

describe('the six-month follow-up', () => {
	it('records the situation, and the contract only of a person still employed', () => {
		expect(
			caseEventForm.parse({
				kind: 'follow_up',
				occurredOn: '2026-03-01',
				followUpSituation: 'employed',
				followUpContract: 'permanent'
			}).details
		).toEqual({ situation: 'employed', contract: 'permanent' });
		expect(
			caseEventForm.parse({
				kind: 'follow_up',
				occurredOn: '2026-03-01',
				followUpSituation: 'not_employed',
				followUpContract: 'permanent'
			}).details
		).toEqual({ situation: 'not_employed' });
	});

	it('records "person not reachable", without a contract, and shows it in words', () => {
		expect(
			caseEventForm.parse({
				kind: 'follow_up',
				occurredOn: '2026-03-01',
				followUpSituation: 'unreachable',
				followUpContract: 'permanent'
			}).details
		).toEqual({ situation: 'unreachable' });
		expect(describeDetails('follow_up', { situation: 'unreachable' })).toEqual([
			['Situazione a 6 mesi dalla chiusura', 'Persona non raggiungibile']
		]);
	});

	it('requires the situation and a known contract', () => {
		const result = caseEventForm.safeParse({
			kind: 'follow_up',
			occurredOn: '2026-03-01',
			followUpSituation: '',
			followUpContract: 'forever'
		});
		expect(fieldsOf(result).sort()).toEqual(['followUpContract', 'followUpSituation']);
	});

	it('is shown with its situation and contract', () => {
		expect(describeDetails('follow_up', { situation: 'employed', contract: 'fixed_term' })).toEqual(
			[
				['Situazione a 6 mesi dalla chiusura', 'Occupato'],
				['Contratto', 'Tempo determinato']
			]
		);
	});
});
