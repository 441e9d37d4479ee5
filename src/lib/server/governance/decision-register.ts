import { and, count, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../context';
import {
	body,
	decision,
	decisionStatusChange,
	decisionTally,
	meeting,
	organisation,
	person
} from '../db/schema';
import { authorize } from '../access/policy';
import { OPEN_STATUSES, type DecisionStatusValue } from '../../governance/decision-status';
import type { RegisterFilter } from '../../governance/decision-form';
import { romeToday } from '../../governance/rome-time';
import { searchQuery } from '../search/text-query';

/**
 * The decision register: every decision of a project, filtered by body, status, owner, overdue
 * and text. Text search uses the generated `search` column (GIN) with the query of search across
 * everything (search/text-query): Italian stems for whole words or'ed with 'simple' prefixes, so
 * "tiroc" finds "tirocini" while typing, accents ignored.
 */
export function searchCondition(q: string): SQL | undefined {
	const query = searchQuery(q);
	return query ? sql`${decision.search} @@ ${query}` : undefined;
}

/** What the filter asks beyond the project: none for the whole register. */
function narrowing(filter: RegisterFilter, today: string): SQL[] {
	const where: (SQL | undefined)[] = [];
	if (filter.bodyId) where.push(eq(decision.bodyId, filter.bodyId));
	if (filter.status) where.push(eq(decision.status, filter.status));
	if (filter.ownerId) {
		where.push(
			or(
				eq(decision.ownerPersonId, filter.ownerId),
				eq(decision.ownerOrganisationId, filter.ownerId)
			)
		);
	}
	if (filter.overdue) {
		where.push(lt(decision.dueOn, today), inArray(decision.status, [...OPEN_STATUSES]));
	}
	if (filter.q) where.push(searchCondition(filter.q));
	return where.filter((condition): condition is SQL => condition !== undefined);
}

function conditions(projectId: string, filter: RegisterFilter, today: string): SQL {
	return and(eq(decision.projectId, projectId), ...narrowing(filter, today))!;
}

export interface RegisterRow {
	id: string;
	text: string;
	status: DecisionStatusValue;
	dueOn: string | null;
	bodyName: string;
	meetingStartsAt: Date | null;
	ownerPersonName: string | null;
	ownerOrganisationName: string | null;
	createdAt: Date;
}

export const PAGE_SIZE = 50;

export async function list(
	{ db, actor }: Ctx,
	projectId: string,
	filter: RegisterFilter,
	page = { limit: PAGE_SIZE, offset: 0 }
): Promise<{ rows: RegisterRow[]; total: number; today: string }> {
	await authorize(db, actor, 'governance.read', { projectId });
	const today = romeToday();
	const narrowed = narrowing(filter, today);
	const where = and(eq(decision.projectId, projectId), ...narrowed)!;
	const rows = await db
		.select({
			id: decision.id,
			text: decision.text,
			status: decision.status,
			dueOn: decision.dueOn,
			bodyName: body.name,
			meetingStartsAt: meeting.startsAt,
			ownerPersonName: person.name,
			ownerOrganisationName: organisation.name,
			createdAt: decision.createdAt
		})
		.from(decision)
		.innerJoin(body, eq(decision.bodyId, body.id))
		.leftJoin(meeting, eq(decision.meetingId, meeting.id))
		.leftJoin(person, eq(decision.ownerPersonId, person.id))
		.leftJoin(organisation, eq(decision.ownerOrganisationId, organisation.id))
		.where(where)
		.orderBy(desc(decision.createdAt), desc(decision.id))
		.limit(page.limit)
		.offset(page.offset);
	// The whole register's size is kept on write (decision_tally, ADR 0215); a filtered one is
	// counted.
	const total =
		narrowed.length === 0
			? await keptCount(db, projectId)
			: (await db.select({ total: count() }).from(decision).where(where))[0].total;
	return { rows, total, today };
}

/** How many decisions the project has, as the triggers on `decision` keep it (ADR 0215). */
async function keptCount(db: Ctx['db'], projectId: string): Promise<number> {
	const [row] = await db
		.select({ decisions: decisionTally.decisions })
		.from(decisionTally)
		.where(eq(decisionTally.projectId, projectId));
	return row?.decisions ?? 0;
}

const actorPerson = alias(person, 'change_actor');

/** What happened, newest first: every status change of the filtered decisions. */
export async function timeline(
	{ db, actor }: Ctx,
	projectId: string,
	filter: RegisterFilter,
	limit = 200
) {
	await authorize(db, actor, 'governance.read', { projectId });
	return db
		.select({
			decisionId: decision.id,
			text: decision.text,
			fromStatus: decisionStatusChange.fromStatus,
			toStatus: decisionStatusChange.toStatus,
			note: decisionStatusChange.note,
			at: decisionStatusChange.at,
			actorName: actorPerson.name
		})
		.from(decisionStatusChange)
		.innerJoin(decision, eq(decisionStatusChange.decisionId, decision.id))
		.leftJoin(actorPerson, eq(decisionStatusChange.actorId, actorPerson.id))
		.where(conditions(projectId, filter, romeToday()))
		.orderBy(desc(decisionStatusChange.at), desc(decisionStatusChange.id))
		.limit(limit);
}
