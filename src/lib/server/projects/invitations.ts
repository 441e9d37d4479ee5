import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { invitation, membership, organisation, person, type ProjectRole } from '../db/schema';
import { authorize } from '../access/policy';
import { ConflictError, InvalidError, NotFoundError } from '../errors';
import { record } from '../audit/audit';
import { generateToken, hashToken } from '../auth/token';
import { invitationExpiry } from './invitation-state';

export interface InviteInput {
	projectId: string;
	email: string;
	role: ProjectRole;
	organisationId?: string | null;
	/** Codice fiscale (already checked): copied on the person who accepts, for SPID/CIE. */
	fiscalCode?: string | null;
}

export interface CreatedInvitation {
	id: string;
	/** Shown once to the coordinator as a link; the database keeps only its hash. */
	token: string;
	expiresAt: Date;
}

/** A coordinator invites an e-mail address to the project with a role and an organisation. */
export async function invite(
	{ db, actor }: Ctx,
	input: InviteInput,
	now = Date.now()
): Promise<CreatedInvitation> {
	const { actor: signedIn } = await authorize(db, actor, 'member.manage', {
		projectId: input.projectId
	});
	return createInvitation(db, signedIn.id, input, now);
}

/**
 * The invitation itself, once someone was allowed to send it: the coordinator above, or an
 * administrator appointing a project's coordinator by e-mail (admin/setup.ts).
 */
export async function createInvitation(
	db: Db,
	invitedById: string,
	input: InviteInput,
	now = Date.now()
): Promise<CreatedInvitation> {
	const email = input.email.trim().toLowerCase();
	const organisationId = input.organisationId ?? null;
	if (organisationId && !(await organisationExists(db, organisationId))) {
		throw new InvalidError('invalid', { organisationId: [m.members_organisation_unknown()] });
	}
	if (await isMemberByEmail(db, input.projectId, email)) throw new ConflictError('member_already');

	const token = generateToken();
	const [created] = await db
		.insert(invitation)
		.values({
			tokenHash: hashToken(token),
			projectId: input.projectId,
			organisationId,
			email,
			fiscalCode: input.fiscalCode ?? null,
			role: input.role,
			invitedById,
			expiresAt: invitationExpiry(now)
		})
		.returning({ id: invitation.id, expiresAt: invitation.expiresAt });
	await record(db, {
		actorId: invitedById,
		action: 'invitation.create',
		resourceType: 'invitation',
		resourceId: created.id,
		projectId: input.projectId,
		detail: { role: input.role, organisationId }
	});
	return { id: created.id, token, expiresAt: created.expiresAt };
}

export interface PendingInvitation {
	id: string;
	email: string;
	role: ProjectRole;
	organisationName: string | null;
	expiresAt: Date;
}

/** Invitations not yet used and not expired, for the coordinator's members page. */
export async function listPending(
	{ db, actor }: Ctx,
	projectId: string,
	now = Date.now()
): Promise<PendingInvitation[]> {
	await authorize(db, actor, 'member.manage', { projectId });
	return db
		.select({
			id: invitation.id,
			email: invitation.email,
			role: invitation.role,
			organisationName: organisation.name,
			expiresAt: invitation.expiresAt
		})
		.from(invitation)
		.leftJoin(organisation, eq(invitation.organisationId, organisation.id))
		.where(
			and(
				eq(invitation.projectId, projectId),
				isNull(invitation.acceptedAt),
				gt(invitation.expiresAt, new Date(now))
			)
		)
		.orderBy(asc(invitation.createdAt));
}

/** Withdraws an invitation: its link then says it has expired. */
export async function revoke(
	{ db, actor }: Ctx,
	input: { projectId: string; invitationId: string },
	now = Date.now()
): Promise<void> {
	const { actor: signedIn } = await authorize(db, actor, 'member.manage', {
		projectId: input.projectId
	});
	const revoked = await db
		.update(invitation)
		.set({ expiresAt: new Date(now) })
		.where(
			and(
				eq(invitation.id, input.invitationId),
				eq(invitation.projectId, input.projectId),
				isNull(invitation.acceptedAt)
			)
		)
		.returning({ id: invitation.id });
	if (revoked.length === 0) throw new NotFoundError('invitation_not_found');
	await record(db, {
		actorId: signedIn.id,
		action: 'invitation.revoke',
		resourceType: 'invitation',
		resourceId: input.invitationId,
		projectId: input.projectId
	});
}

/** Organisations a coordinator can invite someone on behalf of. */
export async function listOrganisations({ db, actor }: Ctx, projectId: string) {
	await authorize(db, actor, 'member.manage', { projectId });
	return db
		.select({ id: organisation.id, name: organisation.name })
		.from(organisation)
		.orderBy(asc(organisation.name));
}

async function organisationExists(db: Db, id: string): Promise<boolean> {
	const [row] = await db
		.select({ id: organisation.id })
		.from(organisation)
		.where(eq(organisation.id, id));
	return row !== undefined;
}

async function isMemberByEmail(db: Db, projectId: string, email: string): Promise<boolean> {
	const [row] = await db
		.select({ id: membership.id })
		.from(membership)
		.innerJoin(person, eq(membership.personId, person.id))
		.where(and(eq(membership.projectId, projectId), eq(sql`lower(${person.email})`, email)))
		.limit(1);
	return row !== undefined;
}
