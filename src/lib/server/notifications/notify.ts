import { and, inArray } from 'drizzle-orm';
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
	await notifyEach(db, [input], now);
}

/** Rows per INSERT: far below PostgreSQL's 65,535 bound parameters at nine a row. */
const ROWS_PER_INSERT = 1_000;

/**
 * `notify` for many events of one kind at once (a daily round telling thousands of owners):
 * one look-up of the recipients' choices and an INSERT per thousand rows, instead of two
 * statements an event that would hold the database (and, on PGlite, the server) for seconds.
 */
export async function notifyEach(
	db: Db,
	inputs: readonly NotifyInput[],
	now = new Date()
): Promise<void> {
	const kinds = [...new Set(inputs.map((input) => input.kind))];
	const people = [...new Set(inputs.flatMap((input) => input.recipientIds))];
	if (people.length === 0) return;
	const preferences = await db
		.select()
		.from(notificationPreference)
		.where(
			and(
				inArray(notificationPreference.personId, people),
				inArray(notificationPreference.kind, kinds)
			)
		);
	const modeOf = new Map(preferences.map((row) => [`${row.personId}:${row.kind}`, row.mailMode]));
	const rows = inputs.flatMap((input) =>
		[...new Set(input.recipientIds)].map((recipientId) => ({
			recipientId,
			kind: input.kind,
			projectId: input.projectId,
			resourceId: input.resourceId,
			title: input.title,
			link: input.link,
			createdAt: now,
			mailDueAt: mailDueAt(modeOf.get(`${recipientId}:${input.kind}`) ?? 'immediate', now)
		}))
	);
	for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
		await db.insert(notification).values(rows.slice(start, start + ROWS_PER_INSERT));
	}
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
