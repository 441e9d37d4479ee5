import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/lib/server/context';
import { query } from '../../../src/lib/server/db/raw-query';
import * as records from '../../../src/lib/server/cases/records';
import * as events from '../../../src/lib/server/cases/events';
import type { CaseEventInput } from '../../../src/lib/cases/event-form';
import {
	derivedCategories,
	derivedMonths,
	derivedSummary
} from '../../../src/lib/server/monitoring/case-summary';
import { loadAggregates } from '../../../src/lib/server/monitoring/aggregates';
import { loadParticipants } from '../../../src/lib/server/monitoring/pathway-facts';
import { startTestRuntime } from '../../support/runtime';
import { testContext } from '../../support/context';
import { buildMember, buildOrganisation, buildProject } from '../../support/factories';

/**
 * The monitoring summary kept on write (ADR 0175) equals, after every kind of write, what the
 * statements derive from the case's log at that moment — so the dashboard that reads it counts
 * what it counted when it read the log.
 */
const { db } = await startTestRuntime();
const project = await buildProject(db, { startsOn: '2025-01-01', endsOn: '2027-12-31' });
const projectId = project.id;
const operator = await buildMember(db, { projectId, role: 'case_operator' });
const employer = await buildOrganisation(db, { kind: 'impresa_profit' });
const ctx: Ctx = testContext(db, operator.actor);

const opened = await records.create(ctx, projectId, {
	fullName: 'Giulia Verdi',
	fiscalCode: null,
	phone: null,
	email: null,
	referredOn: '2025-01-10',
	note: ''
});
const caseId = opened.id;

type Row = Record<string, unknown>;
const rows = (statement: ReturnType<typeof sql>) => query<Row>(db, statement);
const byCase = sql`r.id = ${caseId}`;

/** The stored rows of the case beside a fresh derivation from its log. */
async function storedAndDerived() {
	return {
		stored: {
			summary: await rows(sql`select * from case_summary where case_id = ${caseId}`),
			months: await rows(sql`select * from case_month where case_id = ${caseId} order by month`),
			categories: await rows(
				sql`select * from case_category where case_id = ${caseId} order by dimension, code`
			)
		},
		derived: {
			summary: await rows(derivedSummary(byCase)),
			months: await rows(sql`select * from (${derivedMonths(byCase)}) d order by month`),
			categories: await rows(
				sql`select * from (${derivedCategories(byCase)}) d order by dimension, code`
			)
		}
	};
}

type Write = Pick<CaseEventInput, 'kind' | 'occurredOn'> &
	Partial<Pick<CaseEventInput, 'status' | 'details'>>;
const WRITES: [string, Write][] = [
	['an intake', { kind: 'intake', occurredOn: '2025-02-03', status: 'intake', details: {} }],
	[
		'an orientation with hours',
		{ kind: 'orientation', occurredOn: '2025-02-20', details: { hours: 12 } }
	],
	[
		'a second orientation in the month',
		{ kind: 'orientation', occurredOn: '2025-02-27', details: { hours: 4.5 } }
	],
	['a course', { kind: 'course', occurredOn: '2025-03-10', status: 'training' }],
	[
		'an internship with months',
		{ kind: 'internship', occurredOn: '2025-04-01', status: 'internship', details: { months: 3 } }
	],
	['a note that moves the status', { kind: 'note', occurredOn: '2025-06-01', status: 'agreement' }],
	[
		'a hire',
		{
			kind: 'hire',
			occurredOn: '2025-07-01',
			status: 'employed',
			details: { employerOrganisationId: employer.id, contract: 'fixed_term' }
		}
	],
	[
		'a closure',
		{ kind: 'closure', occurredOn: '2025-09-30', status: 'closed', details: { reason: 'employed' } }
	],
	[
		'a follow-up, employed',
		{
			kind: 'follow_up',
			occurredOn: '2026-03-30',
			details: { situation: 'employed', contract: 'permanent' }
		}
	],
	[
		'a later follow-up, not reachable',
		{ kind: 'follow_up', occurredOn: '2026-04-15', details: { situation: 'unreachable' } }
	],
	['a backdated event', { kind: 'intake', occurredOn: '2025-01-20' }]
];

describe('the case summary kept on write', () => {
	it('equals the derivation after the record is opened', async () => {
		const { stored, derived } = await storedAndDerived();
		expect(stored.summary).toHaveLength(1);
		expect(stored).toEqual(derived);
	});

	for (const [name, write] of WRITES) {
		it(`equals the derivation after ${name}`, async () => {
			await events.add(ctx, projectId, caseId, { note: '', status: null, ...write });
			const { stored, derived } = await storedAndDerived();
			expect(stored).toEqual(derived);
		});
	}

	it('holds what the indicators count, after all of them', async () => {
		const [summary] = (await storedAndDerived()).stored.summary;
		expect(summary).toMatchObject({
			taken_in: '2025-01-20',
			closed_on: '2025-09-30',
			first_internship: '2025-04-01',
			first_hire: '2025-07-01',
			has_ot: true,
			has_hire: true,
			has_closure: true,
			has_employed: true,
			hours: 16.5,
			months: 3,
			// "Not reachable" says nothing of the situation (ADR 0203), but the ESF+ file says it.
			follow_up: true,
			follow_up_situation: 'unreachable'
		});
		const { stored } = await storedAndDerived();
		expect(stored.months.map((m) => [m.month, m.hours])).toEqual([
			['2025-02-01', 16.5],
			['2025-03-01', null],
			['2025-04-01', null],
			['2025-07-01', null],
			['2025-09-01', null],
			['2026-03-01', null],
			['2026-04-01', null]
		]);
		// Which figures are the case's first of their quarter / year (bits: 1 ot, 2 internship,
		// 4 hire, 8 closure, 16 employed, 32 hours, 64 months; ADR 0216): March's course is not
		// (February's orientation was), April's "not reachable" says nothing.
		expect(stored.months.map((m) => [m.month, m.first_in_quarter, m.first_in_year])).toEqual([
			['2025-02-01', 33, 33],
			['2025-03-01', 0, 0],
			['2025-04-01', 66, 66],
			['2025-07-01', 4, 4],
			['2025-09-01', 8, 8],
			['2026-03-01', 16, 16],
			['2026-04-01', 0, 0]
		]);
		expect(stored.categories.map((c) => `${c.dimension}:${c.code}`)).toEqual([
			'contract:fixed_term',
			`employer:${employer.id}`,
			'reason:employed'
		]);
		const aggregates = await loadAggregates(db, projectId, 'quarter');
		const all = aggregates.scopes.find((s) => s.dim === 'all')!;
		expect(all.measures.hires.value).toBe(1);
		expect(all.measures.orientation_hours.value).toBe(16.5);
		expect(aggregates.categories).toContainEqual({
			of: 'employer',
			code: 'impresa_profit',
			people: 1
		});
		// The ESF+ participant row is read from the summary (ADR 0216).
		const [participant] = await loadParticipants(db, projectId);
		expect(participant).toMatchObject({
			pseudonym: opened.pseudonym,
			person: { takenInChargeOn: '2025-01-20', closedOn: '2025-09-30' },
			profile: null,
			followUp: 'unreachable'
		});
	});
});
