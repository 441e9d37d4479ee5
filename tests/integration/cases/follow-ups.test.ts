import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/lib/server/context';
import { caseEvent, caseFollowUp } from '../../../src/lib/server/db/schema';
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
