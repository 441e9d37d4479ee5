import { and, count, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../context';
import { body, decision, decisionStatusChange, meeting, organisation, person } from '../db/schema';
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

function conditions(projectId: string, filter: RegisterFilter, today: string): SQL {
	const where: (SQL | undefined)[] = [eq(decision.projectId, projectId)];
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
	return and(...where)!;
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
	const where = conditions(projectId, filter, today);
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
	const [{ total }] = await db.select({ total: count() }).from(decision).where(where);
	return { rows, total, today };
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
