import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
	notification,
	notificationPreference,
	type NotificationKind,
	type NotificationMailMode
} from '../db/schema';

export interface NotifyInput {
	recipientIds: readonly string[];
	kind: NotificationKind;
	projectId: string | null;
	resourceId: string | null;
	title: string;
	link: string;
}

/**
 * Tells people about something that just happened: one row each, and the moment its mail is
 * due by the person's choice for this kind (immediate, daily or weekly digest, never: in the
 * app only). Call it in the
 * domain function's transaction, so the event and its notifications commit together.
 */
export async function notify(db: Db, input: NotifyInput, now = new Date()): Promise<void> {
	const recipients = [...new Set(input.recipientIds)];
	if (recipients.length === 0) return;
	const preferences = await db
		.select()
		.from(notificationPreference)
		.where(
			and(
				inArray(notificationPreference.personId, recipients),
				eq(notificationPreference.kind, input.kind)
			)
		);
	const modeOf = new Map(preferences.map((row) => [row.personId, row.mailMode]));
	await db.insert(notification).values(
		recipients.map((recipientId) => ({
			recipientId,
			kind: input.kind,
			projectId: input.projectId,
			resourceId: input.resourceId,
			title: input.title,
			link: input.link,
			createdAt: now,
			mailDueAt: mailDueAt(modeOf.get(recipientId) ?? 'immediate', now)
		}))
	);
}

const HOUR = 3_600_000;

/** Digests leave at 07:00 in Rome (06:00 UTC is close enough all year round: 07:00 or 08:00). */
export function mailDueAt(mode: NotificationMailMode, now: Date): Date | null {
	if (mode === 'never') return null;
	if (mode === 'immediate') return now;
	const next = new Date(now);
	next.setUTCHours(6, 0, 0, 0);
	if (next <= now) next.setTime(next.getTime() + 24 * HOUR);
	if (mode === 'weekly') {
		// Monday's digest: getUTCDay() is 1 on Mondays.
		while (next.getUTCDay() !== 1) next.setTime(next.getTime() + 24 * HOUR);
	}
	return next;
}
