import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { body, bodyMember, type Body, type BodyRole } from '../db/schema';
import type { Resource } from '../access/policy';
import { NotFoundError } from '../errors';

/**
 * A body with the people the policy needs to know about: members (who write its minutes),
 * chairs (who approve) and officers (chair and secretary, who circulate).
 */
export interface BodyAccess {
	body: Body;
	memberIds: string[];
	chairIds: string[];
	officerIds: string[];
}

export async function loadBodyAccess(db: Db, bodyId: string): Promise<BodyAccess> {
	const [found] = await db.select().from(body).where(eq(body.id, bodyId));
	if (!found) throw new NotFoundError('gov_body_not_found');
	const members = await db
		.select({ personId: bodyMember.personId, role: bodyMember.role })
		.from(bodyMember)
		.where(eq(bodyMember.bodyId, bodyId));
	const withRole = (...roles: BodyRole[]) =>
		members.filter((m) => roles.includes(m.role)).map((m) => m.personId);
	return {
		body: found,
		memberIds: members.map((m) => m.personId),
		chairIds: withRole('chair'),
		officerIds: withRole('chair', 'secretary')
	};
}

/** The resource for writing a body's minutes: members only, nobody once `locked`. */
export function minutesResource(access: BodyAccess, locked: boolean): Resource {
	return { projectId: access.body.projectId, bodyMemberIds: access.memberIds, locked };
}
