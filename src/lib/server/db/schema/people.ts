import { boolean, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id } from './columns';

/** A person: a user account when it has a password hash, otherwise a contact. */
export const person = pgTable(
	'person',
	{
		id: id(),
		email: text().notNull(),
		name: text().notNull(),
		passwordHash: text(),
		isAdmin: boolean().notNull().default(false),
		locale: text().notNull().default('it'),
		passwordChangedAt: timestamp({ withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('person_email_unique').on(sql`lower(${t.email})`)]
);

export const organisationKind = pgEnum('organisation_kind', [
	'public_body',
	'social_cooperative',
	'foundation',
	'training_body',
	'job_centre',
	'health_authority',
	'company',
	'association',
	'other'
]);

export const organisation = pgTable('organisation', {
	id: id(),
	name: text().notNull(),
	shortName: text(),
	kind: organisationKind().notNull(),
	taxCode: text(),
	pec: text(),
	accreditations: text()
		.array()
		.notNull()
		.default(sql`'{}'::text[]`),
	createdAt: createdAt()
});

export type Person = typeof person.$inferSelect;
export type Organisation = typeof organisation.$inferSelect;
