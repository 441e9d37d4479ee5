import {
	boolean,
	index,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import { createdAt, id, searchVector, tsvector } from './columns';
import { ALL_KINDS } from '../../../network/organisation-kinds';

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
		/** Codice fiscale (upper case): links a SPID/CIE identity to this person (ADR 0150). */
		fiscalCode: text(),
		/** Set by an administrator: no sign-in, no session, until reactivated (issue 13). */
		deactivatedAt: timestamp({ withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('person_email_unique').on(sql`lower(${t.email})`),
		uniqueIndex('person_fiscal_code_unique').on(t.fiscalCode)
	]
);

/** The seven generic kinds stay for older rows; the register offers the precise ones (issue 10). */
export const organisationKind = pgEnum('organisation_kind', ALL_KINDS);

export const organisation = pgTable(
	'organisation',
	{
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
		createdAt: createdAt(),
		/** For search across everything (ADR 0140): the name and the short name. */
		search: tsvector().generatedAlwaysAs((): SQL =>
			searchVector(sql`${organisation.name} || ' ' || coalesce(${organisation.shortName}, '')`)
		)
	},
	(t) => [index('organisation_search_idx').using('gin', t.search)]
);

export type Person = typeof person.$inferSelect;
export type Organisation = typeof organisation.$inferSelect;
