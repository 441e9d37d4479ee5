import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { authorizePlatform } from '../access/policy';
import { record } from '../audit/audit';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
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
	await db.transaction(async (tx) => {
		// Deactivating an administrator removes one too: the same guard as taking the right away.
		await keepAnAdministrator(tx, admin.id, personId);
		const [changed] = await tx
			.update(person)
			.set({ deactivatedAt: new Date() })
			.where(and(eq(person.id, personId), isNull(person.deactivatedAt)))
			.returning({ id: person.id });
		if (!changed) throw await missingOr(tx, personId, 'account_already_deactivated');
	});
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

/**
 * Makes a person an administrator, or no longer one (ADR 0205). Nobody takes their own right
 * away, and the last active administrator keeps it: the administrators' rows are locked first,
 * so two administrators removing each other at the same moment cannot leave Tavolo with none.
 */
export async function setAdmin({ db, actor }: Ctx, personId: string, isAdmin: boolean) {
	const admin = authorizePlatform(actor, 'admin.admin_grant');
	if (!isAdmin && personId === admin.id) throw new ConflictError('admin_self');
	await db.transaction(async (tx) => {
		if (!isAdmin) await keepAnAdministrator(tx, admin.id, personId);
		else await stillAdministrator(tx, admin.id);
		const [target] = await tx
			.select({ isAdmin: person.isAdmin, deactivatedAt: person.deactivatedAt })
			.from(person)
			.where(eq(person.id, personId));
		if (!target) throw new NotFoundError('person_not_found');
		if (target.isAdmin === isAdmin) {
			throw new ConflictError(isAdmin ? 'admin_already' : 'admin_not');
		}
		if (isAdmin && target.deactivatedAt) throw new ConflictError('account_deactivated');
		await tx.update(person).set({ isAdmin }).where(eq(person.id, personId));
		await audit(tx, admin.id, isAdmin ? 'account.admin_grant' : 'account.admin_revoke', personId);
	});
}

/** The active administrators, their rows locked until the transaction ends. */
async function lockedActiveAdministrators(tx: Db): Promise<string[]> {
	const rows = await tx
		.select({ id: person.id, deactivatedAt: person.deactivatedAt })
		.from(person)
		.where(eq(person.isAdmin, true))
		.for('update');
	return rows.filter((row) => row.deactivatedAt === null).map((row) => row.id);
}

/**
 * Refuses what would leave no active administrator, and an actor whose own right was taken
 * away since their request began (their session said admin; the locked rows say otherwise).
 */
async function keepAnAdministrator(tx: Db, actorId: string, losingId: string): Promise<void> {
	const active = await lockedActiveAdministrators(tx);
	if (active.includes(losingId) && active.every((id) => id === losingId)) {
		throw new ConflictError('admin_last');
	}
	if (!active.includes(actorId)) throw new ForbiddenError();
}

async function stillAdministrator(tx: Db, actorId: string): Promise<void> {
	if (!(await lockedActiveAdministrators(tx)).includes(actorId)) throw new ForbiddenError();
}

async function missingOr(db: Db, personId: string, code: string) {
	const [found] = await db.select({ id: person.id }).from(person).where(eq(person.id, personId));
	return found ? new ConflictError(code) : new NotFoundError('person_not_found');
}

function audit(db: Db, actorId: string, action: string, personId: string) {
	return record(db, { actorId, action, resourceType: 'person', resourceId: personId });
}
