import { date, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
import { district } from './territories';
import { organisation, person } from './people';

export const programme = pgTable('programme', {
	id: id(),
	title: text().notNull(),
	description: text().notNull().default(''),
	createdAt: createdAt()
});

export const project = pgTable('project', {
	id: id(),
	programmeId: uuid().references(() => programme.id),
	title: text().notNull(),
	acronym: text(),
	description: text().notNull().default(''),
	leadOrganisationId: uuid().references(() => organisation.id),
	startsOn: date(),
	endsOn: date(),
	createdAt: createdAt()
});

export const projectRole = pgEnum('project_role', [
	'coordinator',
	'partner_editor',
	'facilitator',
	'steering_member',
	'case_operator',
	'observer'
]);

/** Membership: a person, on behalf of an organisation, holds one role in a project. */
export const membership = pgTable(
	'membership',
	{
		id: id(),
		projectId: uuid()
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		personId: uuid()
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		organisationId: uuid().references(() => organisation.id),
		role: projectRole().notNull(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('membership_project_person_unique').on(t.projectId, t.personId)]
);

export const projectDistrict = pgTable(
	'project_district',
	{
		projectId: uuid()
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		districtId: uuid()
			.notNull()
			.references(() => district.id)
	},
	(t) => [primaryKey({ columns: [t.projectId, t.districtId] })]
);

export type Project = typeof project.$inferSelect;
export type Membership = typeof membership.$inferSelect;
export type ProjectRole = (typeof projectRole.enumValues)[number];
