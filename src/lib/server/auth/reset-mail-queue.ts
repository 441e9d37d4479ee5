import { and, asc, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import { passwordResetMail, person } from '../db/schema';
import { logger } from '../log/logger';
import type { Mailer } from '../mail/mailer';
import { resetLink, resetMail } from '../mail/reset-mail';
import { createReset, SELF_RESET_LIFETIME_MS } from './password-reset';

/** A leased job not stamped sent within this long is offered again (its sender died). */
const LEASE_MS = 5 * 60_000;
/** A request this old was not answered in time: dropped, the person may simply ask again. */
export const RESET_REQUEST_STALE_MS = SELF_RESET_LIFETIME_MS;
const BATCH = 20;

/**
 * Sends the reset mails people asked for from the login page (ADR 0204), as the notification
 * mails go (ADR 0152): a batch leased with FOR UPDATE SKIP LOCKED, so two instances never take
 * the same job, stamped `mailed_at` once the relay accepted it, offered again after the lease if
 * it failed. The token is made here, just before sending: each attempt makes a new one (which
 * expires the older), so a retried mail carries a link that works. Returns how many left.
 */
export async function sendDueResetMails(
	db: Db,
	mailer: Mailer,
	origin: string,
	now = new Date()
): Promise<number> {
	await db
		.delete(passwordResetMail)
		.where(
			and(
				isNull(passwordResetMail.mailedAt),
				lt(passwordResetMail.createdAt, new Date(now.getTime() - RESET_REQUEST_STALE_MS))
			)
		);
	const leased = await db.transaction(async (tx) => {
		const due = await tx
			.select({ id: passwordResetMail.id })
			.from(passwordResetMail)
			.where(
				and(
					isNull(passwordResetMail.mailedAt),
					or(isNull(passwordResetMail.lockedUntil), lt(passwordResetMail.lockedUntil, now))
				)
			)
			.orderBy(asc(passwordResetMail.createdAt))
			.limit(BATCH)
			.for('update', { skipLocked: true });
		if (due.length === 0) return [];
		return tx
			.update(passwordResetMail)
			.set({ lockedUntil: new Date(now.getTime() + LEASE_MS) })
			.where(
				inArray(
					passwordResetMail.id,
					due.map((row) => row.id)
				)
			)
			.returning({ id: passwordResetMail.id, personId: passwordResetMail.personId });
	});
	let sent = 0;
	for (const job of leased) {
		const [to] = await db
			.select({ email: person.email, locale: person.locale })
			.from(person)
			.where(and(eq(person.id, job.personId), isNull(person.deactivatedAt)));
		if (to) {
			const { token, expiresAt } = await createReset(
				db,
				job.personId,
				null,
				Date.now(),
				SELF_RESET_LIFETIME_MS
			);
			const mail = resetMail({
				to: to.email,
				link: resetLink(origin, token),
				expiresAt,
				askedBy: 'self',
				locale: to.locale === 'en' ? 'en' : 'it'
			});
			try {
				await mailer.send(mail);
			} catch (error) {
				logger.warn({ err: error, personId: job.personId }, 'reset mail not sent; retried later');
				continue;
			}
			sent++;
		}
		// Sent, or the account was deactivated since: either way the job is done.
		await db
			.update(passwordResetMail)
			.set({ mailedAt: new Date() })
			.where(eq(passwordResetMail.id, job.id));
	}
	return sent;
}

/**
 * Sends the waiting reset mails now, in the background, after a request: the asker need not wait
 * for the next mail round, and the answer they got did not wait for this.
 */
export function sendResetMailsSoon(db: Db, mailer: Mailer, origin: string): void {
	void sendDueResetMails(db, mailer, origin).catch((error: unknown) =>
		logger.error({ err: error }, 'reset mail round failed')
	);
}
