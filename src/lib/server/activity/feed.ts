import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context';
import { auditEntry, caseRecord, person } from '../db/schema';
import { authorize, decide, type Grant } from '../access/policy';
import { FEED_ACTIONS, FEED_CASE_ACTIONS, type FeedAction } from '../../activity/entries';

export const ACTIVITY_PAGE_SIZE = 30;

export interface ActivityEntry {
	id: number;
	at: Date;
	action: FeedAction | (typeof FEED_CASE_ACTIONS)[number];
	actorName: string | null;
	resourceType: string;
	resourceId: string | null;
	/** Where in the app the thing is, when it has a page of its own. */
	link: string | null;
}

export interface ActivityPage {
	entries: ActivityEntry[];
	page: number;
	hasMore: boolean;
}

/** The audit actions this grant may see in the feed (one policy question per kind). */
function visibleActions(grant: Grant, projectId: string): string[] {
	return Object.entries(FEED_ACTIONS)
		.filter(([, needs]) => decide(grant, needs, { projectId }))
		.map(([action]) => action);
}

/**
 * Case events show only to the operators of the record's own organisation (those the policy
 * lets write it): a non-case role never sees that a case was touched.
 */
function caseCondition(grant: Grant, projectId: string): SQL | undefined {
	if (grant.organisationId === null) return undefined;
	if (!decide(grant, 'case.write', { projectId, organisationId: grant.organisationId })) {
		return undefined;
	}
	return and(
		eq(auditEntry.resourceType, 'case'),
		inArray(auditEntry.action, [...FEED_CASE_ACTIONS]),
		sql`exists (select 1 from ${caseRecord} where ${caseRecord.id}::text = ${auditEntry.resourceId} and ${caseRecord.organisationId} = ${grant.organisationId})`
	);
}

function linkOf(projectId: string, type: string, id: string | null): string | null {
	const base = `/projects/${projectId}`;
	if (!id) return null;
	switch (type) {
		case 'meeting':
			return `${base}/governance/meetings/${id}`;
		case 'decision':
			return `${base}/governance/decisions/${id}`;
		case 'action_item':
			return `${base}/governance/action-items`;
		case 'body':
			return `${base}/governance/bodies/${id}`;
		case 'lab':
			return `${base}/labs/${id}`;
		case 'membership':
		case 'invitation':
			return `${base}/members`;
		case 'case':
			return `${base}/cases/${id}`;
		case 'organisation':
			return `/organisations/${id}`;
		case 'proposal':
			return `${base}/proposals/${id}`;
		case 'trace_node':
		case 'trace_link':
		case 'monitoring_target':
			return `${base}/monitoring`;
		case 'partnership':
			return `${base}/partnership`;
		case 'good_practice':
			return `${base}/practices`;
		default:
			return null;
	}
}

/**
 * What changed in the project, newest first, from the audit log: only the entries whose
 * subject the reader may see (asked of the policy per kind), `ACTIVITY_PAGE_SIZE` a page.
 */
export async function projectActivity(
	ctx: Ctx,
	projectId: string,
	page = 1
): Promise<ActivityPage> {
	const grant = await authorize(ctx.db, ctx.actor, 'project.read', { projectId });
	const actions = visibleActions(grant, projectId);
	const allowed = or(
		actions.length > 0 ? inArray(auditEntry.action, actions) : undefined,
		caseCondition(grant, projectId)
	);
	if (!allowed) return { entries: [], page, hasMore: false };
	const rows = await ctx.db
		.select({
			id: auditEntry.id,
			at: auditEntry.at,
			action: auditEntry.action,
			resourceType: auditEntry.resourceType,
			resourceId: auditEntry.resourceId,
			actorName: person.name
		})
		.from(auditEntry)
		.leftJoin(person, eq(person.id, auditEntry.actorId))
		.where(and(eq(auditEntry.projectId, projectId), allowed))
		.orderBy(desc(auditEntry.at), desc(auditEntry.id))
		.limit(ACTIVITY_PAGE_SIZE + 1)
		.offset((page - 1) * ACTIVITY_PAGE_SIZE);
	return {
		entries: rows.slice(0, ACTIVITY_PAGE_SIZE).map((row) => ({
			...row,
			action: row.action as ActivityEntry['action'],
			link: linkOf(projectId, row.resourceType, row.resourceId)
		})),
		page,
		hasMore: rows.length > ACTIVITY_PAGE_SIZE
	};
}
