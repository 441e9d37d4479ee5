import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { authorizePlatform } from '../access/policy';
import { record } from '../audit/audit';
import { ConflictError, NotFoundError } from '../errors';
import { createReset } from '../auth/password-reset';
import { invalidateAllSessions } from '../auth/session';
import { forgetDevices } from '../auth/trusted-device';
import { createInvitation, type InviteInput } from '../projects/invitations';
import { person, project } from '../db/schema';

/** Accounts as the administrators keep them (issue 13): list, deactivate, reactivate, reset. */

export interface Account {
	id: string;
	name: string;
	email: string;
	isAdmin: boolean;
	hasPassword: boolean;
	deactivatedAt: Date | null;
}

export async function list({ db, actor }: Ctx): Promise<Account[]> {
	authorizePlatform(actor, 'admin.account_manage');
	const rows = await db
		.select({
			id: person.id,
			name: person.name,
			email: person.email,
			isAdmin: person.isAdmin,
			passwordHash: person.passwordHash,
			deactivatedAt: person.deactivatedAt
		})
		.from(person)
		.orderBy(asc(person.name));
	return rows.map(({ passwordHash, ...row }) => ({ ...row, hasPassword: passwordHash !== null }));
}

/** An administrator invites an address to any project, as a coordinator does to theirs. */
export async function invite({ db, actor }: Ctx, input: InviteInput) {
	const admin = authorizePlatform(actor, 'admin.account_manage');
	const [found] = await db
		.select({ id: project.id })
		.from(project)
		.where(eq(project.id, input.projectId));
	if (!found) throw new NotFoundError('project_not_found');
	return { admin, invitation: await createInvitation(db, admin.id, input) };
}

/**
 * No sign-in from now on: password and SPID/CIE refuse the account, its sessions and trusted
 * devices end, and its open live documents are re-checked (and closed) through the bus.
 */
export async function deactivate({ db, actor, invalidations }: Ctx, personId: string) {
	const admin = authorizePlatform(actor, 'admin.account_manage');
	if (personId === admin.id) throw new ConflictError('account_self');
	const [changed] = await db
		.update(person)
		.set({ deactivatedAt: new Date() })
		.where(and(eq(person.id, personId), isNull(person.deactivatedAt)))
		.returning({ id: person.id });
	if (!changed) throw await missingOr(db, personId, 'account_already_deactivated');
	await invalidateAllSessions(db, personId);
	await forgetDevices(db, personId);
	await audit(db, admin.id, 'account.deactivate', personId);
	invalidations.publish({ personId });
}

export async function reactivate({ db, actor }: Ctx, personId: string) {
	const admin = authorizePlatform(actor, 'admin.account_manage');
	const [changed] = await db
		.update(person)
		.set({ deactivatedAt: null })
		.where(and(eq(person.id, personId), isNotNull(person.deactivatedAt)))
		.returning({ id: person.id });
	if (!changed) throw await missingOr(db, personId, 'account_already_active');
	await audit(db, admin.id, 'account.reactivate', personId);
}

/** A single-use reset link for the person; the caller mails it (they alone get the token). */
export async function requestReset({ db, actor }: Ctx, personId: string) {
	const admin = authorizePlatform(actor, 'admin.account_manage');
	const [found] = await db
		.select({ id: person.id, email: person.email, deactivatedAt: person.deactivatedAt })
		.from(person)
		.where(eq(person.id, personId));
	if (!found) throw new NotFoundError('person_not_found');
	if (found.deactivatedAt) throw new ConflictError('account_deactivated');
	const reset = await createReset(db, personId, admin.id);
	await audit(db, admin.id, 'account.reset_request', personId);
	return { ...reset, email: found.email };
}

async function missingOr(db: Db, personId: string, code: string) {
	const [found] = await db.select({ id: person.id }).from(person).where(eq(person.id, personId));
	return found ? new ConflictError(code) : new NotFoundError('person_not_found');
}

function audit(db: Db, actorId: string, action: string, personId: string) {
	return record(db, { actorId, action, resourceType: 'person', resourceId: personId });
}
