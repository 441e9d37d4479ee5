import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
import { organisation, person } from './people';
import { project, projectRole } from './projects';

/** Sessions the Lucia way: the id is the SHA-256 of the token, never the token itself. */
export const session = pgTable(
	'session',
	{
		id: text().primaryKey(),
		personId: uuid()
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('session_person_idx').on(t.personId)]
);

/** Single-use invitation to a project with a role; stored by token hash. */
export const invitation = pgTable('invitation', {
	id: id(),
	tokenHash: text().notNull().unique(),
	projectId: uuid()
		.notNull()
		.references(() => project.id, { onDelete: 'cascade' }),
	organisationId: uuid().references(() => organisation.id),
	email: text().notNull(),
	/** Codice fiscale given by the coordinator: set on the person who accepts (ADR 0150). */
	fiscalCode: text(),
	role: projectRole().notNull(),
	invitedById: uuid().references(() => person.id),
	expiresAt: timestamp({ withTimezone: true }).notNull(),
	acceptedAt: timestamp({ withTimezone: true }),
	acceptedById: uuid().references(() => person.id),
	createdAt: createdAt()
});

/**
 * A browser where the person has signed in before ("device cookie"). Login throttling counts its
 * failures on their own, so an attacker guessing from elsewhere never locks the real user out.
 * Stored by token hash, like sessions.
 */
export const trustedDevice = pgTable(
	'trusted_device',
	{
		id: text().primaryKey(),
		personId: uuid()
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('trusted_device_person_idx').on(t.personId)]
);

/**
 * A password-reset link an administrator sent (issue 13): single use, short-lived, stored by
 * token hash like sessions and invitations, so a leaked table resets nobody's password.
 */
export const passwordReset = pgTable(
	'password_reset',
	{
		id: text().primaryKey(),
		personId: uuid()
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		requestedById: uuid().references(() => person.id),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		usedAt: timestamp({ withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('password_reset_person_idx').on(t.personId)]
);

/**
 * A reset mail owed to someone who asked from the login page (ADR 0204): the job, not the link.
 * The sender makes the token as it sends, so no usable secret ever rests here; one row waits per
 * person at most (a second request while one waits adds nothing).
 */
export const passwordResetMail = pgTable(
	'password_reset_mail',
	{
		id: id(),
		personId: uuid()
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		lockedUntil: timestamp({ withTimezone: true }),
		mailedAt: timestamp({ withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('password_reset_mail_waiting_idx')
			.on(t.personId)
			.where(sql`${t.mailedAt} IS NULL`)
	]
);

export type Session = typeof session.$inferSelect;
export type Invitation = typeof invitation.$inferSelect;
