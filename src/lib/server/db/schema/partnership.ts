import { bigint, date, pgEnum, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { organisation } from './people';
import { project } from './projects';

/** How an organisation takes part in a project (001 §10a–b, 002). */
export const partnershipRole = pgEnum('partnership_role', [
	'lead',
	'institutional_partner',
	'operating_partner',
	'network_member',
	'programme_referent'
]);

/**
 * Partnership: an organisation in a project with its role, what it does there (free text, often
 * quoted from the project sheet), and the areas and targets it works on. The network features
 * extend this row (territories, budget share) rather than replace it.
 */
export const partnership = pgTable(
	'partnership',
	{
		projectId: uuid()
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		organisationId: uuid()
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		role: partnershipRole().notNull(),
		description: text().notNull().default(''),
		areas: text()
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		targets: text()
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		/** Districts the partner works on in this project (network/partnership). */
		districtIds: uuid()
			.array()
			.notNull()
			.default(sql`'{}'::uuid[]`),
		/** When the organisation joined and left the partnership: the network over time. */
		fromDate: date(),
		toDate: date(),
		/** The partner's own contribution (cofinanziamento), in cents, beside the public share. */
		cofinancingCents: bigint({ mode: 'number' }).notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.projectId, t.organisationId] })]
);

export type Partnership = typeof partnership.$inferSelect;
export type PartnershipRole = (typeof partnershipRole.enumValues)[number];
