import { boolean, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
	'other',
	// The kinds of the organisation register (issue 10); the seven above stay for older rows.
	'comune',
	'ufficio_di_piano',
	'azienda_speciale',
	'cooperativa_sociale_a',
	'cooperativa_sociale_b',
	'consorzio',
	'fondazione',
	'associazione',
	'ente_formazione_accreditato',
	'agenzia_per_il_lavoro',
	'centro_impiego',
	'asst_ats',
	'citta_metropolitana',
	'impresa_profit',
	'impresa_non_profit'
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
	/** Partita IVA, 11 digits with its check digit (network/tax-codes). */
	vatNumber: text(),
	email: text(),
	phone: text(),
	website: text(),
	address: text(),
	/** The districts (ambiti) where the organisation works. */
	districtIds: uuid()
		.array()
		.notNull()
		.default(sql`'{}'::uuid[]`),
	createdAt: createdAt()
});

export type Person = typeof person.$inferSelect;
export type Organisation = typeof organisation.$inferSelect;
