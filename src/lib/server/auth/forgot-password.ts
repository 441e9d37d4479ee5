import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { passwordResetMail, person } from '../db/schema';
import { TooManyRequestsError } from '../errors';
import { record } from '../audit/audit';
import { resetRequestKeys } from './login-keys';
import { normaliseEmail } from './sign-in';
import type { Throttle } from './throttle';

/**
 * "Forgot password" from the login page (ADR 0204). Whatever the address, the asker gets the same
 * answer: the request is counted first (the throttle refuses alike for known and unknown
 * addresses), then, only if an active account with a password holds the address, a mail job is
 * queued. The request itself sends nothing and makes no token: the mail round does both, so the
 * answer takes the same time either way and no usable secret is ever stored.
 */
export async function requestPasswordReset(
	deps: { db: Db; throttle: Throttle },
	input: { email: string; ip: string }
): Promise<void> {
	const email = normaliseEmail(input.email);
	const keys = resetRequestKeys(email, input.ip);
	const reservation = await deps.throttle.reserve(keys);
	if (!reservation.ok) {
		throw new TooManyRequestsError('reset_throttled', Math.ceil(reservation.retryAfterMs / 1000));
	}
	await deps.db.transaction(async (tx) => {
		const [found] = await tx
			.select({ id: person.id })
			.from(person)
			.where(
				and(
					eq(sql`lower(${person.email})`, email),
					isNull(person.deactivatedAt),
					isNotNull(person.passwordHash)
				)
			);
		if (!found) return;
		// One mail waits per person at most: asking again before it left adds nothing.
		await tx.insert(passwordResetMail).values({ personId: found.id }).onConflictDoNothing();
		await record(tx, {
			actorId: null,
			action: 'password.forgot',
			resourceType: 'person',
			resourceId: found.id
		});
	});
}
