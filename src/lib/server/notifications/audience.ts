import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { membership } from '../db/schema';
import { decide, type Resource } from '../access/policy';
import type { Action } from '../access/actions';

/**
 * Of these people, those the policy lets do `action` on `resource`: a notification never tells
 * anyone about something they may not read (its title alone can say too much). The one who
 * caused the event is left out.
 */
export async function allowedAmong(
	db: Db,
	personIds: readonly (string | null | undefined)[],
	action: Action,
	resource: Resource,
	except?: string
): Promise<string[]> {
	const wanted = [...new Set(personIds.filter((id): id is string => !!id && id !== except))];
	if (wanted.length === 0) return [];
	const grants = await db
		.select({
			personId: membership.personId,
			role: membership.role,
			organisationId: membership.organisationId
		})
		.from(membership)
		.where(and(eq(membership.projectId, resource.projectId), inArray(membership.personId, wanted)));
	return grants.filter((grant) => decide(grant, action, resource)).map((grant) => grant.personId);
}

/** Members of the project who belong to these organisations (a section's owners, say). */
export async function membersOf(
	db: Db,
	projectId: string,
	organisationIds: readonly string[]
): Promise<string[]> {
	if (organisationIds.length === 0) return [];
	const rows = await db
		.select({ personId: membership.personId })
		.from(membership)
		.where(
			and(
				eq(membership.projectId, projectId),
				inArray(membership.organisationId, [...organisationIds])
			)
		);
	return rows.map((row) => row.personId);
}
