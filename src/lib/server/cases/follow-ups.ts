import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { alias } from 'drizzle-orm/pg-core';
import { caseEvent, caseFollowUp, caseRecord, type CaseEvent } from '../db/schema';
import { followUpDue } from '../../cases/follow-up-due';

/**
 * The six-month follow-up as an operator's to-do (ESF+ longer-term result, Reg. (EU) 2021/1057
 * Annex I): an outcome schedules it, a `follow_up` event completes it. Both happen inside the
 * transaction that writes the event (cases/events.ts), so the to-do never disagrees with the log.
 */

/** The outcomes after which the person is called again six months later. */
export const OUTCOME_KINDS: readonly CaseEvent['kind'][] = ['hire', 'closure'];

type Tx = Pick<Db, 'select' | 'insert' | 'update'>;

/** What the log's new event does to the case's follow-up: schedule, move, complete, or nothing. */
export async function followEvent(tx: Tx, event: CaseEvent): Promise<void> {
	if (event.kind === 'follow_up') {
		await tx
			.update(caseFollowUp)
			.set({ doneEventId: event.id })
			.where(and(eq(caseFollowUp.caseId, event.caseId), isNull(caseFollowUp.doneEventId)));
		return;
	}
	if (!OUTCOME_KINDS.includes(event.kind)) return;
	const dueOn = followUpDue(event.occurredOn)!;
	const [waiting] = await tx
		.select({ id: caseFollowUp.id, dueOn: caseFollowUp.dueOn })
		.from(caseFollowUp)
		.where(and(eq(caseFollowUp.caseId, event.caseId), isNull(caseFollowUp.doneEventId)));
	if (!waiting) {
		await tx.insert(caseFollowUp).values({ caseId: event.caseId, outcomeEventId: event.id, dueOn });
	} else if (dueOn > waiting.dueOn) {
		// A later outcome (the closure after a hire) is the one six months are counted from.
		await tx
			.update(caseFollowUp)
			.set({ outcomeEventId: event.id, dueOn })
			.where(eq(caseFollowUp.id, waiting.id));
	}
}

/**
 * Schedules from a log written without `followEvent` (the demo's bulk inserts; the migration
 * `case_follow_up` runs the same statement on every case): the latest outcome's follow-up,
 * done when a follow-up event was recorded on or after it. Cases that have one are left alone.
 */
export async function scheduleFromLog(db: Pick<Db, 'execute'>, caseId: string): Promise<void> {
	await db.execute(sql`
		insert into case_follow_up (case_id, outcome_event_id, due_on, done_event_id)
		select o.case_id, o.id, (o.occurred_on + interval '6 months')::date,
			(select f.id from case_event f
				where f.case_id = o.case_id and f.kind = 'follow_up' and f.occurred_on >= o.occurred_on
				order by f.occurred_on desc, f.created_at desc limit 1)
		from (
			select distinct on (case_id) id, case_id, occurred_on from case_event
			where kind in ('hire', 'closure') and case_id = ${caseId}
			order by case_id, occurred_on desc, created_at desc
		) o
		where not exists (select 1 from case_follow_up x where x.case_id = o.case_id)`);
}

export interface WaitingFollowUp {
	caseId: string;
	projectId: string;
	organisationId: string;
	pseudonym: string;
	dueOn: string;
}

/** The follow-ups still to do on the given projects' cases, soonest first (the caller filters). */
export async function waitingIn(db: Db, projectIds: string[]): Promise<WaitingFollowUp[]> {
	if (projectIds.length === 0) return [];
	return db
		.select({
			caseId: caseRecord.id,
			projectId: caseRecord.projectId,
			organisationId: caseRecord.organisationId,
			pseudonym: caseRecord.pseudonym,
			dueOn: caseFollowUp.dueOn
		})
		.from(caseFollowUp)
		.innerJoin(caseRecord, eq(caseRecord.id, caseFollowUp.caseId))
		.where(and(isNull(caseFollowUp.doneEventId), inArray(caseRecord.projectId, projectIds)))
		.orderBy(asc(caseFollowUp.dueOn), asc(caseRecord.pseudonym));
}

/** A follow-up of one case as its person's data shows it: what it follows, when, its answer. */
export interface FollowUpRecord {
	dueOn: string;
	/** The outcome six months are counted from. */
	after: { kind: string; occurredOn: string };
	/** The follow-up event that answered it; null while it waits. */
	done: { occurredOn: string; situation: string | null } | null;
}

/** Every follow-up of one case, scheduled or answered, oldest first (the GDPR export). */
export async function followUpsOf(db: Db, caseId: string): Promise<FollowUpRecord[]> {
	const outcome = alias(caseEvent, 'outcome');
	const done = alias(caseEvent, 'done');
	const rows = await db
		.select({
			dueOn: caseFollowUp.dueOn,
			afterKind: outcome.kind,
			afterOn: outcome.occurredOn,
			doneOn: done.occurredOn,
			doneDetails: done.details
		})
		.from(caseFollowUp)
		.innerJoin(outcome, eq(outcome.id, caseFollowUp.outcomeEventId))
		.leftJoin(done, eq(done.id, caseFollowUp.doneEventId))
		.where(eq(caseFollowUp.caseId, caseId))
		.orderBy(asc(caseFollowUp.dueOn), asc(caseFollowUp.createdAt));
	return rows.map((r) => ({
		dueOn: r.dueOn,
		after: { kind: r.afterKind, occurredOn: r.afterOn },
		done:
			r.doneOn === null
				? null
				: {
						occurredOn: r.doneOn,
						situation: ((r.doneDetails as { situation?: string } | null)?.situation ?? null) as
							string | null
					}
	}));
}

/** The follow-up waiting on one case, if any: its due date for the case page. */
export async function waitingOn(db: Db, caseId: string): Promise<string | null> {
	const [row] = await db
		.select({ dueOn: caseFollowUp.dueOn })
		.from(caseFollowUp)
		.where(and(eq(caseFollowUp.caseId, caseId), isNull(caseFollowUp.doneEventId)));
	return row?.dueOn ?? null;
}
