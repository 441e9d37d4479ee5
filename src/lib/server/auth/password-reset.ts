import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { passwordReset, person } from '../db/schema';
import { NotFoundError } from '../errors';
import { record } from '../audit/audit';
import { hashPassword } from './password';
import { invalidateAllSessions } from './session';
import { generateToken, hashToken, TOKEN_PATTERN } from './token';
import { forgetDevices } from './trusted-device';

/** A reset link works once, for a day: long enough to read the mail, short enough to go stale. */
export const RESET_LIFETIME_MS = 24 * 60 * 60 * 1000;
/**
 * A link asked for from the login page lasts an hour (ADR 0204): the asker is waiting for it,
 * and whoever asked for someone else's address gets a shorter window in that person's inbox.
 */
export const SELF_RESET_LIFETIME_MS = 60 * 60 * 1000;

/**
 * A new reset link for a person; the database keeps only the token's hash. `requestedById` is
 * the administrator who sent it, or null when the person asked from the login page.
 */
export async function createReset(
	db: Db,
	personId: string,
	requestedById: string | null,
	now = Date.now(),
	lifetimeMs = RESET_LIFETIME_MS
): Promise<{ token: string; expiresAt: Date }> {
	const token = generateToken();
	const expiresAt = new Date(now + lifetimeMs);
	// A newer link replaces any older one still waiting.
	await db
		.update(passwordReset)
		.set({ expiresAt: new Date(now) })
		.where(and(eq(passwordReset.personId, personId), isNull(passwordReset.usedAt)));
	await db
		.insert(passwordReset)
		.values({ id: hashToken(token), personId, requestedById, expiresAt });
	return { token, expiresAt };
}

/** Whose password the link resets, if it is still usable (for the page's greeting). */
export async function findReset(db: Db, token: string, now = Date.now()) {
	if (!TOKEN_PATTERN.test(token)) return null;
	const [found] = await db
		.select({ personId: person.id, email: person.email })
		.from(passwordReset)
		.innerJoin(person, eq(person.id, passwordReset.personId))
		.where(
			and(
				eq(passwordReset.id, hashToken(token)),
				isNull(passwordReset.usedAt),
				gt(passwordReset.expiresAt, new Date(now)),
				isNull(person.deactivatedAt)
			)
		);
	return found ?? null;
}

/**
 * Spends the link (one UPDATE … WHERE used_at IS NULL, so two tabs cannot both use it), sets the
 * new password, and ends every session and trusted device of the person.
 */
export async function completeReset(
	db: Db,
	token: string,
	password: string,
	now = Date.now()
): Promise<string> {
	if (!TOKEN_PATTERN.test(token)) throw new NotFoundError('reset_invalid');
	const passwordHash = await hashPassword(password);
	const personId = await db.transaction(async (tx) => {
		const [spent] = await tx
			.update(passwordReset)
			.set({ usedAt: new Date(now) })
			.where(
				and(
					eq(passwordReset.id, hashToken(token)),
					isNull(passwordReset.usedAt),
					gt(passwordReset.expiresAt, new Date(now))
				)
			)
			.returning({ personId: passwordReset.personId });
		if (!spent) throw new NotFoundError('reset_invalid');
		const [changed] = await tx
			.update(person)
			.set({ passwordHash, passwordChangedAt: new Date(now) })
			.where(and(eq(person.id, spent.personId), isNull(person.deactivatedAt)))
			.returning({ id: person.id });
		if (!changed) throw new NotFoundError('reset_invalid');
		await record(tx, {
			actorId: spent.personId,
			action: 'password.reset',
			resourceType: 'person',
			resourceId: spent.personId
		});
		return spent.personId;
	});
	await invalidateAllSessions(db, personId);
	await forgetDevices(db, personId);
	return personId;
}
