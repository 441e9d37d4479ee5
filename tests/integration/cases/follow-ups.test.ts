import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/lib/server/context';
import { caseEvent, caseFollowUp, caseSummary } from '../../../src/lib/server/db/schema';
import * as monitoring from '../../../src/lib/server/monitoring/dashboard';
import * as esf from '../../../src/lib/server/monitoring/esf';
import { describeDetails } from '../../../src/lib/cases/event-details';
import * as records from '../../../src/lib/server/cases/records';
import * as events from '../../../src/lib/server/cases/events';
import * as view from '../../../src/lib/server/cases/view';
import { scheduleFromLog } from '../../../src/lib/server/cases/follow-ups';
import { listOpenWork } from '../../../src/lib/server/work/open-work';
import { startTestRuntime } from '../../support/runtime';
import { testContext } from '../../support/context';
import { buildCase, buildMember, buildProject } from '../../support/factories';

/**
 * The six-month follow-up as an operator's to-do: an outcome schedules it on the case's
 * organisation's operators' list, with its due date; recording the follow-up event completes it.
 */
const { db } = await startTestRuntime();
const project = await buildProject(db, { title: 'Lavoro e inclusione' });
const projectId = project.id;
const operator = await buildMember(db, { projectId, role: 'case_operator' });
const colleague = await buildMember(db, {
	projectId,
	role: 'case_operator',
	organisationId: operator.organisationId
});
const otherOperator = await buildMember(db, { projectId, role: 'case_operator' });
const coordinator = await buildMember(db, { projectId, role: 'coordinator' });
const ctx = (member: { actor: Ctx['actor'] }): Ctx => testContext(db, member.actor);

const opened = await records.create(ctx(operator), projectId, {
	fullName: 'Giulia Verdi',
	fiscalCode: null,
	phone: null,
	email: null,
	referredOn: '2025-01-10',
	note: ''
});
const caseId = opened.id;
const add = (kind: 'intake' | 'hire' | 'closure' | 'follow_up', occurredOn: string, extra = {}) =>
	events.add(ctx(operator), projectId, caseId, {
		kind,
		occurredOn,
		note: '',
		status: null,
		...extra
	});
const followUpsOf = async (member: { actor: Ctx['actor'] }) =>
	(await listOpenWork(ctx(member))).followUpsDue.filter((row) => row.caseId === caseId);

describe('the six-month follow-up', () => {
	it('is not scheduled before an outcome', async () => {
		await add('intake', '2025-02-03', { status: 'intake', details: { level: 'first' } });
		expect(await followUpsOf(operator)).toEqual([]);
		expect((await view.get(ctx(operator), projectId, caseId)).followUpDueOn).toBeNull();
	});

	it('is scheduled by a hire for the operators of the case, due six months after', async () => {
		await add('hire', '2025-08-31', {
			status: 'employed',
			details: { sector: 'profit', contract: 'fixed_term', startOn: '2025-08-31' }
		});
		const [due] = await followUpsOf(colleague);
		expect(due).toMatchObject({
			projectId,
			projectTitle: 'Lavoro e inclusione',
			pseudonym: opened.pseudonym,
			dueOn: '2026-02-28'
		});
		expect(due.overdue).toBe(due.dueOn < new Date().toISOString().slice(0, 10));
		expect(JSON.stringify(due)).not.toContain('Giulia');
		expect(await followUpsOf(operator)).toHaveLength(1);
		expect((await view.get(ctx(operator), projectId, caseId)).followUpDueOn).toBe('2026-02-28');
	});

	it('is nobody else’s to-do: another organisation’s operator, the coordinator', async () => {
		expect(await followUpsOf(otherOperator)).toEqual([]);
		expect(await followUpsOf(coordinator)).toEqual([]);
	});

	it('moves to six months after a later closure, and stays one', async () => {
		await add('closure', '2025-11-15', { status: 'closed', details: { reason: 'employed' } });
		const due = await followUpsOf(operator);
		expect(due.map((d) => d.dueOn)).toEqual(['2026-05-15']);
		const rows = await db.select().from(caseFollowUp).where(eq(caseFollowUp.caseId, caseId));
		expect(rows).toHaveLength(1);
	});

	it('is completed by recording the follow-up event, in the same write', async () => {
		const recorded = await add('follow_up', '2026-05-12', {
			details: { situation: 'employed', contract: 'permanent' }
		});
		expect(await followUpsOf(operator)).toEqual([]);
		expect((await view.get(ctx(operator), projectId, caseId)).followUpDueOn).toBeNull();
		const [row] = await db.select().from(caseFollowUp).where(eq(caseFollowUp.caseId, caseId));
		expect(row.doneEventId).toBe(recorded.id);
	});

	it('is answered "person not reachable": done, in the case record, an unknown ESF+ result', async () => {
		const lost = await records.create(ctx(operator), projectId, {
			fullName: 'Marco Neri',
			fiscalCode: null,
			phone: null,
			email: null,
			referredOn: '2025-01-10',
			note: ''
		});
		const write = (kind: 'intake' | 'closure' | 'follow_up', occurredOn: string, extra = {}) =>
			events.add(ctx(operator), projectId, lost.id, {
				kind,
				occurredOn,
				note: '',
				status: null,
				...extra
			});
		await write('intake', '2025-02-03', { status: 'intake', details: { level: 'first' } });
		await write('closure', '2025-06-30', {
			status: 'closed',
			details: { reason: 'pathway_completed' }
		});
		const dashboardBefore = await monitoring.dashboard(ctx(coordinator), projectId, 'year');
		const recorded = await write('follow_up', '2026-01-08', {
			details: { situation: 'unreachable' }
		});
		// The to-do is done: the operator tried, and says so.
		expect((await listOpenWork(ctx(operator))).followUpsDue.some((w) => w.caseId === lost.id)).toBe(
			false
		);
		const [row] = await db.select().from(caseFollowUp).where(eq(caseFollowUp.caseId, lost.id));
		expect(row.doneEventId).toBe(recorded.id);
		// The case record shows the answer in words.
		const seen = await view.get(ctx(operator), projectId, lost.id);
		const followUp = seen.events.find((e) => e.kind === 'follow_up')!;
		expect(
			describeDetails('follow_up', followUp.details as Record<string, string>, {})
		).toContainEqual(['Situazione a 6 mesi dalla chiusura', 'Persona non raggiungibile']);
		// Unknown, not "not employed": neither the indicator nor Annex I count it, and the
		// profile's own answer (from another source) still applies.
		const dashboardAfter = await monitoring.dashboard(ctx(coordinator), projectId, 'year');
		expect(dashboardAfter.totals.employed_six_months).toEqual(
			dashboardBefore.totals.employed_six_months
		);
		const [summary] = await db
			.select({ followUp: caseSummary.followUp })
			.from(caseSummary)
			.where(eq(caseSummary.caseId, lost.id));
		expect(summary.followUp).toBeNull();
		const sixMonths = (d: typeof dashboardAfter) =>
			d.annex.lines.find((l) => l.row === 'six_months_employed')!.total.value;
		const annexBefore = sixMonths(dashboardAfter);
		await esf.saveProfile(ctx(operator), projectId, lost.id, {
			gender: 'male',
			labourStatus: 'unemployed',
			ageBand: '30_54',
			education: 'isced_3_4',
			disability: null,
			thirdCountryNational: null,
			foreignBackground: null,
			minority: null,
			homeless: null,
			rural: null,
			resultAtExit: 'job_searching',
			resultSixMonths: 'employed'
		});
		const withProfile = await monitoring.dashboard(ctx(coordinator), projectId, 'year');
		expect(sixMonths(withProfile)).toBe(annexBefore! + 1);
		// A known answer recorded later wins over "not reachable".
		await write('follow_up', '2026-02-02', { details: { situation: 'not_employed' } });
		const known = await monitoring.dashboard(ctx(coordinator), projectId, 'year');
		expect(sixMonths(known)).toBe(annexBefore);
		// The ESF+ file says which answer the follow-up gave.
		const rows = await esf.participants(ctx(coordinator), projectId);
		expect(rows.find((r) => r.pseudonym === lost.pseudonym)?.followUp).toBe('not_employed');
	});

	it('is scheduled from a log written in bulk (the demo, the migration backfill)', async () => {
		const bulk = await buildCase(db, { projectId, organisationId: operator.organisationId });
		const done = await buildCase(db, { projectId, organisationId: operator.organisationId });
		await db.insert(caseEvent).values([
			{ caseId: bulk.id, kind: 'intake', occurredOn: '2025-01-20' },
			{ caseId: bulk.id, kind: 'closure', occurredOn: '2025-03-31' },
			{ caseId: done.id, kind: 'hire', occurredOn: '2025-01-20' },
			{ caseId: done.id, kind: 'follow_up', occurredOn: '2025-07-21' }
		]);
		await scheduleFromLog(db, bulk.id);
		await scheduleFromLog(db, done.id);
		await scheduleFromLog(db, done.id);
		const waiting = (await listOpenWork(ctx(operator))).followUpsDue;
		expect(waiting.filter((w) => w.caseId === bulk.id).map((w) => w.dueOn)).toEqual(['2025-09-30']);
		expect(waiting.some((w) => w.caseId === done.id)).toBe(false);
		const doneRows = await db.select().from(caseFollowUp).where(eq(caseFollowUp.caseId, done.id));
		expect(doneRows).toHaveLength(1);
		expect(doneRows[0].doneEventId).not.toBeNull();
	});
});
