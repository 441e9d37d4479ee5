import { and, eq, isNull } from 'drizzle-orm';
import { NOTIFICATION_KINDS } from '$lib/notifications/kinds';
import type { Db } from '../db/client';
import {
	notification,
	notificationPreference,
	type NotificationKind,
	type NotificationMailMode
} from '../db/schema';
import { signedIn, type Ctx } from '../context';
import { mailDueAt } from './notify';

export type Preferences = Record<NotificationKind, NotificationMailMode>;

/** Every kind's mode for one person; a kind never chosen is mailed at once. */
export async function preferencesOf(db: Db, personId: string): Promise<Preferences> {
	const rows = await db
		.select()
		.from(notificationPreference)
		.where(eq(notificationPreference.personId, personId));
	const chosen = new Map(rows.map((row) => [row.kind, row.mailMode]));
	return Object.fromEntries(
		NOTIFICATION_KINDS.map((kind) => [kind, chosen.get(kind) ?? 'immediate'])
	) as Preferences;
}

export async function myPreferences(ctx: Ctx): Promise<Preferences> {
	const { db, actor } = signedIn(ctx);
	return preferencesOf(db, actor.id);
}

/**
 * Saves the actor's choice per kind. Mails still owed of a kind whose mode changed follow the
 * new choice at once: moved to the next digest, sent now, or dropped for "app only".
 */
export async function savePreferences(
	ctx: Ctx,
	chosen: Preferences,
	now = new Date()
): Promise<void> {
	const { db, actor } = signedIn(ctx);
	await db.transaction(async (tx) => {
		const before = await preferencesOf(tx, actor.id);
		for (const kind of NOTIFICATION_KINDS) {
			const mailMode = chosen[kind];
			if (before[kind] === mailMode) continue;
			await tx
				.insert(notificationPreference)
				.values({ personId: actor.id, kind, mailMode, updatedAt: now })
				.onConflictDoUpdate({
					target: [notificationPreference.personId, notificationPreference.kind],
					set: { mailMode, updatedAt: now }
				});
			await tx
				.update(notification)
				.set({ mailDueAt: mailDueAt(mailMode, now) })
				.where(
					and(
						eq(notification.recipientId, actor.id),
						eq(notification.kind, kind),
						isNull(notification.mailedAt)
					)
				);
		}
	});
}
