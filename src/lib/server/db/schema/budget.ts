import { bigint, date, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { district } from './territories';
import { project } from './projects';

/**
 * A project's budget for the split of 001 §10e: the public share to split, and which population
 * band (target age band on a reference date) weighs the territories. Integer cents, bigint so a
 * programme's budget never overflows.
 */
export const projectBudget = pgTable('project_budget', {
	projectId: uuid()
		.primaryKey()
		.references(() => project.id, { onDelete: 'cascade' }),
	publicCents: bigint({ mode: 'number' }).notNull(),
	ageFrom: integer().notNull(),
	ageTo: integer().notNull(),
	referenceDate: date().notNull()
});

/** A territory's share fixed by hand, with the reason the partnership agreed on. */
export const budgetTerritoryOverride = pgTable(
	'budget_territory_override',
	{
		projectId: uuid()
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		districtId: uuid()
			.notNull()
			.references(() => district.id, { onDelete: 'cascade' }),
		cents: bigint({ mode: 'number' }).notNull(),
		reason: text().notNull()
	},
	(t) => [primaryKey({ columns: [t.projectId, t.districtId] })]
);

export type ProjectBudget = typeof projectBudget.$inferSelect;
