import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { MAIL_MODES, NOTIFICATION_KINDS } from '../../../notifications/kind-names';
import { createdAt, id } from './columns';
import { person } from './people';
import { project } from './projects';

/** What a person is told about (issue 13); each kind is hooked where the event happens. */
export const notificationKind = pgEnum('notification_kind', NOTIFICATION_KINDS);

/** How a person wants mail about their notifications (the app always shows them). */
export const notificationMailMode = pgEnum('notification_mail_mode', MAIL_MODES);

/**
 * One thing one person is told about, and the durable queue of its mail (ADR 0152): a row
 * with `mail_due_at` and no `mailed_at` is a mail still owed; a sender leases it with
 * `mail_locked_until` (FOR UPDATE SKIP LOCKED) and stamps `mailed_at` once the relay took it.
 */
export const notification = pgTable(
	'notification',
	{
		id: id(),
		recipientId: uuid()
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		projectId: uuid().references(() => project.id, { onDelete: 'cascade' }),
		kind: notificationKind().notNull(),
		/** The meeting, section, decision… it is about. */
		resourceId: uuid(),
		/** The thing's own title, as shown in the list and the mail. */
		title: text().notNull(),
		/** Path in the app (no origin: the sender adds ORIGIN). */
		link: text().notNull(),
		readAt: timestamp({ withTimezone: true }),
		mailDueAt: timestamp({ withTimezone: true }),
		mailLockedUntil: timestamp({ withTimezone: true }),
		mailedAt: timestamp({ withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		index('notification_recipient_idx').on(t.recipientId, t.createdAt),
		index('notification_mail_due_idx')
			.on(t.mailDueAt)
			.where(sql`${t.mailedAt} IS NULL`)
	]
);

/**
 * How a person wants mail about one kind of notification; a kind without a row is mailed at
 * once. The app always shows every notification ("never" is "in the app only").
 */
export const notificationPreference = pgTable(
	'notification_preference',
	{
		personId: uuid()
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		kind: notificationKind().notNull(),
		mailMode: notificationMailMode().notNull().default('immediate'),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.personId, t.kind] })]
);

export type Notification = typeof notification.$inferSelect;
export type NotificationKind = (typeof notificationKind.enumValues)[number];
export type NotificationMailMode = (typeof notificationMailMode.enumValues)[number];
