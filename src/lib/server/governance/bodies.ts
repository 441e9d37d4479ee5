import { and, asc, count, eq } from 'drizzle-orm';
import { m } from '../../paraglide/messages';
import type { Ctx } from '../context';
import {
	body,
	bodyMember,
	district,
	meeting,
	membership,
	organisation,
	person,
	type Body,
	type BodyRole
} from '../db/schema';
import { authorize } from '../access/policy';
import { record } from '../audit/audit';
import { ConflictError, InvalidError } from '../errors';
import type { BodyInput } from '../../governance/body-form';
import type { Db } from '../db/client';
import { loadBodyAccess } from './body-access';
import type { LiveDocuments } from '../live/live';
import { minutesDocumentName } from './minutes-document';

export interface BodySummary extends Body {
	memberCount: number;
	districtName: string | null;
}

export async function list({ db, actor }: Ctx, projectId: string): Promise<BodySummary[]> {
	await authorize(db, actor, 'governance.read', { projectId });
	const rows = await db
		.select({ body, districtName: district.name, memberCount: count(bodyMember.id) })
		.from(body)
		.leftJoin(district, eq(body.districtId, district.id))
		.leftJoin(bodyMember, eq(bodyMember.bodyId, body.id))
		.where(eq(body.projectId, projectId))
		.groupBy(body.id, district.name)
		.orderBy(asc(body.kind), asc(body.name));
	return rows.map((r) => ({ ...r.body, districtName: r.districtName, memberCount: r.memberCount }));
}

export interface BodyMemberView {
	personId: string;
	name: string;
	organisationName: string | null;
	role: BodyRole;
}

export async function get({ db, actor }: Ctx, bodyId: string) {
	const access = await loadBodyAccess(db, bodyId);
	const grant = await authorize(db, actor, 'governance.read', { projectId: access.body.projectId });
	const members: BodyMemberView[] = await db
		.select({
			personId: bodyMember.personId,
			name: person.name,
			organisationName: organisation.name,
			role: bodyMember.role
		})
		.from(bodyMember)
		.innerJoin(person, eq(bodyMember.personId, person.id))
		.leftJoin(organisation, eq(bodyMember.organisationId, organisation.id))
		.where(eq(bodyMember.bodyId, bodyId))
		.orderBy(asc(bodyMember.role), asc(person.name));
	return {
		body: access.body,
		members,
		role: grant.role,
		isMember: access.memberIds.includes(grant.actor.id)
	};
}

export async function create(
	{ db, actor }: Ctx,
	projectId: string,
	input: BodyInput
): Promise<Body> {
	const { actor: signedIn } = await authorize(db, actor, 'body.manage', { projectId });
	const [created] = await db
		.insert(body)
		.values({
			projectId,
			...input,
			quorumFixed: input.quorumRule === 'fixed' ? input.quorumFixed : null
		})
		.returning();
	await record(db, {
		actorId: signedIn.id,
		action: 'body.create',
		resourceType: 'body',
		resourceId: created.id,
		projectId
	});
	return created;
}

/** Adds a project member to the body; their organisation is the one they represent in the project. */
export async function addMember(
	{ db, actor, live }: Ctx,
	bodyId: string,
	input: { personId: string; role: BodyRole }
): Promise<void> {
	const access = await loadBodyAccess(db, bodyId);
	const projectId = access.body.projectId;
	const { actor: signedIn } = await authorize(db, actor, 'body.manage', { projectId });
	const [member] = await db
		.select({ organisationId: membership.organisationId })
		.from(membership)
		.where(and(eq(membership.projectId, projectId), eq(membership.personId, input.personId)));
	if (!member) {
		throw new InvalidError('gov_not_project_member', {
			personId: [m.error_gov_not_project_member()]
		});
	}
	if (access.memberIds.includes(input.personId)) throw new ConflictError('gov_already_body_member');
	await db.insert(bodyMember).values({ bodyId, ...input, organisationId: member.organisationId });
	await invalidateMinutes(db, live, bodyId);
	await record(db, {
		actorId: signedIn.id,
		action: 'body.add_member',
		resourceType: 'body',
		resourceId: bodyId,
		projectId,
		detail: { personId: input.personId, role: input.role }
	});
}

export async function removeMember({ db, actor, live }: Ctx, bodyId: string, personId: string) {
	const access = await loadBodyAccess(db, bodyId);
	const { actor: signedIn } = await authorize(db, actor, 'body.manage', {
		projectId: access.body.projectId
	});
	await db
		.delete(bodyMember)
		.where(and(eq(bodyMember.bodyId, bodyId), eq(bodyMember.personId, personId)));
	await invalidateMinutes(db, live, bodyId);
	await record(db, {
		actorId: signedIn.id,
		action: 'body.remove_member',
		resourceType: 'body',
		resourceId: bodyId,
		projectId: access.body.projectId,
		detail: { personId }
	});
}

/** Who writes a body's minutes just changed: open editors of its meetings are re-checked. */
async function invalidateMinutes(db: Db, live: LiveDocuments, bodyId: string) {
	const meetings = await db
		.select({ id: meeting.id })
		.from(meeting)
		.where(eq(meeting.bodyId, bodyId));
	for (const { id } of meetings) live.invalidate(minutesDocumentName(id));
}
