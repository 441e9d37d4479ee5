import {
	date,
	integer,
	pgTable,
	primaryKey,
	text,
	uuid,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';
import { id } from './columns';

/**
 * Ambito territoriale (district) → comune (municipality). A district may group sub-districts:
 * the Ambito Alto Milanese joins the former ambiti of Castano Primo and Legnano, and the project
 * sheets still count and budget them separately.
 */
export const district = pgTable('district', {
	id: id(),
	name: text().notNull().unique(),
	parentId: uuid().references((): AnyPgColumn => district.id)
});

export const municipality = pgTable('municipality', {
	id: id(),
	districtId: uuid()
		.notNull()
		.references(() => district.id),
	name: text().notNull(),
	population: integer()
});

/**
 * Resident population of an age band in a district on a date, as a source document states it:
 * any figure the source leaves blank stays null (never derived), and `source` says where it is.
 * Budgets are split by these figures (001 §10e), so they are facts, not decoration.
 */
export const districtPopulation = pgTable(
	'district_population',
	{
		districtId: uuid()
			.notNull()
			.references(() => district.id, { onDelete: 'cascade' }),
		ageFrom: integer().notNull(),
		ageTo: integer().notNull(),
		referenceDate: date().notNull(),
		males: integer(),
		females: integer(),
		total: integer(),
		source: text().notNull().default('')
	},
	(t) => [primaryKey({ columns: [t.districtId, t.ageFrom, t.ageTo, t.referenceDate] })]
);

export type District = typeof district.$inferSelect;
export type Municipality = typeof municipality.$inferSelect;
export type DistrictPopulation = typeof districtPopulation.$inferSelect;
