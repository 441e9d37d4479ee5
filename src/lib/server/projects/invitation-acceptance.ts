import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Ctx, SignedInCtx } from '../context';
import type { Db } from '../db/client';
import {
	invitation,
	membership,
	organisation,
	person,
	project,
	type ProjectRole
} from '../db/schema';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { record } from '../audit/audit';
import { hashPassword } from '../auth/password';
import { hashToken, TOKEN_PATTERN } from '../auth/token';
import { invitationState, type InvitationState } from './invitation-state';

export interface InvitationView {
	state: InvitationState | 'unknown';
	email: string;
	projectTitle: string;
	role: ProjectRole;
	organisationName: string | null;
	/** Whether the invited e-mail already has an account (then it signs in to accept). */
	hasAccount: boolean;
}

/** What the invitation page shows; the token itself is the credential, so no actor is needed. */
export async function lookup(
	db: Db,
	token: string,
	now = Date.now()
): Promise<InvitationView | null> {
	if (!TOKEN_PATTERN.test(token)) return null;
	const [row] = await db
		.select({
			email: invitation.email,
			role: invitation.role,
			expiresAt: invitation.expiresAt,
			acceptedAt: invitation.acceptedAt,
			projectTitle: project.title,
			organisationName: organisation.name
		})
		.from(invitation)
		.innerJoin(project, eq(invitation.projectId, project.id))
		.leftJoin(organisation, eq(invitation.organisationId, organisation.id))
		.where(eq(invitation.tokenHash, hashToken(token)));
	if (!row) return null;
	const account = await findAccount(db, row.email);
	return {
		state: invitationState(row, now),
		email: row.email,
		projectTitle: row.projectTitle,
		role: row.role,
		organisationName: row.organisationName,
		hasAccount: Boolean(account?.passwordHash)
	};
}

export interface Accepted {
	projectId: string;
	personId: string;
}

/** A signed-in person accepts an invitation addressed to their own e-mail. */
export async function acceptAsMember(
	{ db, actor, invalidations }: SignedInCtx,
	token: string,
	now = Date.now()
): Promise<Accepted> {
	const view = await usableOrThrow(db, token, now);
	if (view.email !== actor.email.toLowerCase()) throw new ForbiddenError('invitation_other_email');
	const accepted = await db.transaction((tx) => claim(tx, token, actor.id, now));
	invalidations.publish(accepted);
	return accepted;
}

/** Someone without an account sets a name and password: account, membership, in one go. */
export async function acceptAsNewPerson(
	{ db, invalidations }: Ctx,
	token: string,
	input: { name: string; password: string },
	now = Date.now()
): Promise<Accepted> {
	const view = await usableOrThrow(db, token, now);
	if (view.hasAccount) throw new ConflictError('invitation_account_exists');
	const passwordHash = await hashPassword(input.password);
	const accepted = await db.transaction(async (tx) => {
		const contact = await findAccount(tx, view.email);
		const values = { name: input.name, passwordHash, passwordChangedAt: new Date(now) };
		const [account] = contact
			? await tx.update(person).set(values).where(eq(person.id, contact.id)).returning()
			: await tx
					.insert(person)
					.values({ ...values, email: view.email })
					.returning();
		return claim(tx, token, account.id, now);
	});
	invalidations.publish(accepted);
	return accepted;
}

async function usableOrThrow(db: Db, token: string, now: number): Promise<InvitationView> {
	const view = await lookup(db, token, now);
	if (!view) throw new NotFoundError('invitation_not_found');
	if (view.state === 'used') throw new ConflictError('invitation_used');
	if (view.state === 'expired') throw new ConflictError('invitation_expired');
	return view;
}

/** Single use even under a race: only the request that flips `acceptedAt` gets the membership. */
async function claim(db: Db, token: string, personId: string, now: number): Promise<Accepted> {
	const [claimed] = await db
		.update(invitation)
		.set({ acceptedAt: new Date(now), acceptedById: personId })
		.where(
			and(
				eq(invitation.tokenHash, hashToken(token)),
				isNull(invitation.acceptedAt),
				gt(invitation.expiresAt, new Date(now))
			)
		)
		.returning();
	if (!claimed) throw new ConflictError('invitation_used');
	await db
		.insert(membership)
		.values({
			projectId: claimed.projectId,
			personId,
			organisationId: claimed.organisationId,
			role: claimed.role
		})
		.onConflictDoNothing();
	if (claimed.fiscalCode) await linkFiscalCode(db, personId, claimed.fiscalCode);
	await record(db, {
		actorId: personId,
		action: 'invitation.accept',
		resourceType: 'invitation',
		resourceId: claimed.id,
		projectId: claimed.projectId,
		detail: { role: claimed.role }
	});
	return { projectId: claimed.projectId, personId };
}

/**
 * Gives the person the invitation's codice fiscale, for SPID/CIE sign-in, unless they have one
 * already or it belongs to someone else (then SPID keeps signing in that other person only).
 */
async function linkFiscalCode(db: Db, personId: string, fiscalCode: string): Promise<void> {
	const [holder] = await db
		.select({ id: person.id })
		.from(person)
		.where(eq(person.fiscalCode, fiscalCode))
		.limit(1);
	if (holder) return;
	await db
		.update(person)
		.set({ fiscalCode })
		.where(and(eq(person.id, personId), isNull(person.fiscalCode)));
}

async function findAccount(db: Db, email: string) {
	const [row] = await db
		.select({ id: person.id, passwordHash: person.passwordHash })
		.from(person)
		.where(eq(sql`lower(${person.email})`, email.toLowerCase()));
	return row;
}
