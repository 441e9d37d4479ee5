import { and, asc, eq, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../db/client';
import { meeting, notification, person, type Notification } from '../db/schema';
import { meetingsCalendar } from '../export/ics';
import { kindLabel } from '$lib/notifications/kinds';
import { logger } from '../log/logger';
import type { Mail, Mailer } from '../mail/mailer';
import { notifyOverdueWork } from './overdue';
import { dailyRound } from './daily-round';
import { sendDueResetMails } from '../auth/reset-mail-queue';

/** A leased mail not stamped sent within this long is offered again (its sender died). */
export const MAIL_LEASE_MS = 5 * 60_000;
const BATCH = 50;

type Locale = 'it' | 'en';

/**
 * Sends the mails now due (ADR 0152): leases a batch with FOR UPDATE SKIP LOCKED (two instances
 * never take the same rows), sends one mail per person (one notification alone, several as a
 * digest), and stamps `mailed_at` after the relay accepted it. A failure leaves the rows for the
 * next round, after the lease. Returns how many mails left.
 */
export async function sendDueMails(
	db: Db,
	mailer: Mailer,
	origin: string,
	now = new Date()
): Promise<number> {
	const leased = await db.transaction(async (tx) => {
		const due = await tx
			.select({ id: notification.id })
			.from(notification)
			.where(
				and(
					isNull(notification.mailedAt),
					lte(notification.mailDueAt, now),
					or(isNull(notification.mailLockedUntil), lt(notification.mailLockedUntil, now))
				)
			)
			.orderBy(asc(notification.mailDueAt))
			.limit(BATCH)
			.for('update', { skipLocked: true });
		if (due.length === 0) return [];
		return tx
			.update(notification)
			.set({ mailLockedUntil: new Date(now.getTime() + MAIL_LEASE_MS) })
			.where(
				inArray(
					notification.id,
					due.map((row) => row.id)
				)
			)
			.returning();
	});
	const byRecipient = new Map<string, Notification[]>();
	for (const row of leased) {
		byRecipient.set(row.recipientId, [...(byRecipient.get(row.recipientId) ?? []), row]);
	}
	let sent = 0;
	for (const [recipientId, rows] of byRecipient) {
		const [to] = await db
			.select({ email: person.email, locale: person.locale })
			.from(person)
			.where(eq(person.id, recipientId));
		if (!to) continue;
		const locale: Locale = to.locale === 'en' ? 'en' : 'it';
		try {
			const mail =
				rows.length === 1
					? await singleMail(db, rows[0], to.email, origin, locale)
					: digestMail(rows, to.email, origin, locale);
			await mailer.send(mail);
		} catch (error) {
			logger.warn({ err: error, recipientId }, 'notification mail not sent; retried later');
			continue;
		}
		await db
			.update(notification)
			.set({ mailedAt: new Date() })
			.where(
				inArray(
					notification.id,
					rows.map((row) => row.id)
				)
			);
		sent++;
	}
	return sent;
}

/** The closing lines: where to choose which mails come, and how often. */
function footer(origin: string, locale: Locale): string[] {
	return [
		'',
		`-- \n${m.mail_signature({}, { locale })}`,
		m.notify_mail_preferences({ link: `${origin}/account/notifications` }, { locale })
	];
}

async function singleMail(
	db: Db,
	row: Notification,
	to: string,
	origin: string,
	locale: Locale
): Promise<Mail> {
	const link = origin + row.link;
	if (row.kind === 'meeting_called' && row.resourceId) {
		const [found] = await db.select().from(meeting).where(eq(meeting.id, row.resourceId));
		const ics = found
			? meetingsCalendar([{ ...found, description: row.title, url: link }], {
					name: row.title,
					domain: new URL(origin).hostname,
					method: 'request'
				})
			: undefined;
		return {
			to,
			subject: m.notify_mail_meeting_called_subject({ title: row.title }, { locale }),
			text: [
				m.notify_mail_meeting_called({ title: row.title }, { locale }),
				link,
				...footer(origin, locale)
			].join('\n'),
			ics
		};
	}
	if (row.kind === 'mention') {
		return {
			to,
			subject: m.notify_mail_mention_subject({ title: row.title }, { locale }),
			text: [
				m.notify_mail_mention({ title: row.title }, { locale }),
				link,
				...footer(origin, locale)
			].join('\n')
		};
	}
	return digestMail([row], to, origin, locale);
}

function lineOf(row: Notification, locale: Locale): string {
	return `${kindLabel(row.kind, locale)}: ${row.title}`;
}

function digestMail(rows: Notification[], to: string, origin: string, locale: Locale): Mail {
	return {
		to,
		subject: m.notify_mail_digest_subject({ count: rows.length }, { locale }),
		text: [
			m.notify_mail_digest_intro({}, { locale }),
			'',
			...rows.map((row) => `- ${lineOf(row, locale)}\n  ${origin}${row.link}`),
			...footer(origin, locale)
		].join('\n')
	};
}

/**
 * Sends due mails (notifications, then reset links) every `intervalMs`; once a day (Rome time, the first round after midnight)
 * it first tells owners of action items that became overdue, so their notices join the queue
 * like any other (production entry only).
 */
export function startMailQueue(
	db: Db,
	mailer: Mailer,
	origin: string,
	intervalMs = 15_000
): () => void {
	let running = false;
	const overdueRound = dailyRound((now) => notifyOverdueWork(db, now));
	const timer = setInterval(() => {
		if (running) return;
		running = true;
		overdueRound()
			.then(() => sendDueMails(db, mailer, origin))
			// Reset mails asked for from the login page (ADR 0204), if their own kick missed.
			.then(() => sendDueResetMails(db, mailer, origin))
			.catch((error: unknown) => logger.error({ err: error }, 'mail queue round failed'))
			.finally(() => (running = false));
	}, intervalMs);
	timer.unref();
	return () => clearInterval(timer);
}
