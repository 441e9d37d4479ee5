import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { person } from '../db/schema';
import type { SignedInCtx } from '../context';
import { InvalidError, UnauthorizedError } from '../errors';
import { record } from '../audit/audit';
import { hashPassword } from './password';
import { invalidateAllSessions } from './session';
import { checkPassword, openSession, type SignedIn, type SignInDeps } from './sign-in';
import { forgetDevices } from './trusted-device';

export interface PasswordChange {
	currentPassword: string;
	newPassword: string;
	ip: string;
	deviceToken?: string | null;
}

/**
 * Checks the current password (under the same throttle as sign-in), stores the new hash, ends
 * every session and device trust of the person, and opens one fresh session for this browser.
 */
export async function changePassword(
	{ db, actor, invalidations }: SignedInCtx,
	login: Omit<SignInDeps, 'db'>,
	input: PasswordChange
): Promise<SignedIn> {
	try {
		await checkPassword(
			{ ...login, db },
			{ ...input, email: actor.email, password: input.currentPassword }
		);
	} catch (error) {
		if (!(error instanceof UnauthorizedError)) throw error;
		throw new InvalidError('invalid', { currentPassword: [m.auth_current_password_wrong()] });
	}
	const passwordHash = await hashPassword(input.newPassword);
	await db
		.update(person)
		.set({ passwordHash, passwordChangedAt: new Date() })
		.where(eq(person.id, actor.id));
	await invalidateAllSessions(db, actor.id);
	await forgetDevices(db, actor.id);
	await record(db, {
		actorId: actor.id,
		action: 'password.change',
		resourceType: 'person',
		resourceId: actor.id
	});
	invalidations.publish({ personId: actor.id });

	return { actor, ...(await openSession(db, actor.id)) };
}
