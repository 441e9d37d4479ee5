import {
	date,
	foreignKey,
	index,
	integer,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	uuid
} from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
import { organisation, person } from './people';
import { project } from './projects';

/** A contact person of an organisation: a name and how to reach them, not a user account. */
export const organisationContact = pgTable(
	'organisation_contact',
	{
		id: id(),
		organisationId: uuid()
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		name: text().notNull(),
		role: text().notNull().default(''),
		email: text(),
		phone: text()
	},
	(t) => [index('organisation_contact_organisation_idx').on(t.organisationId)]
);

export const partnershipForm = pgEnum('partnership_form', ['ats', 'protocollo_intesa', 'other']);

/** The form of a project's partnership: an ATS with its mandate to the lead, or a protocol. */
export const partnershipAgreement = pgTable(
	'partnership_agreement',
	{
		projectId: uuid()
			.primaryKey()
			.references(() => project.id, { onDelete: 'cascade' }),
		form: partnershipForm().notNull(),
		signedOn: date(),
		/** The act: its number, notary, deliberation, as the source names it. */
		act: text().notNull().default(''),
		/** For an ATS: the organisation holding the mandate (the lead). */
		mandateOrganisationId: uuid()
	},
	// Named by hand: the generated name is 64 characters, one past PostgreSQL's limit.
	(t) => [
		foreignKey({
			name: 'partnership_agreement_mandate_organisation_fk',
			columns: [t.mandateOrganisationId],
			foreignColumns: [organisation.id]
		}).onDelete('set null')
	]
);

export const vocabularyList = pgEnum('vocabulary_list', ['area', 'target']);

/** A project's lists of areas and targets: partners choose from these, never free text. */
export const projectVocabulary = pgTable(
	'project_vocabulary',
	{
		projectId: uuid()
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		list: vocabularyList().notNull(),
		key: text().notNull(),
		label: text().notNull(),
		position: integer().notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.projectId, t.list, t.key] })]
);

export const relationKind = pgEnum('relation_kind', [
	'agreement',
	'co_action',
	'referral',
	'internship',
	'lab',
	'decision',
	'other'
]);

/** A relation between two organisations in a project, kept as data (entered or imported). */
export const networkRelation = pgTable(
	'network_relation',
	{
		id: id(),
		projectId: uuid()
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		sourceId: uuid()
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		targetId: uuid()
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		kind: relationKind().notNull(),
		label: text().notNull().default(''),
		fromDate: date(),
		toDate: date()
	},
	(t) => [index('network_relation_project_idx').on(t.projectId)]
);

export type OrganisationContact = typeof organisationContact.$inferSelect;
export type PartnershipAgreement = typeof partnershipAgreement.$inferSelect;
export type NetworkRelation = typeof networkRelation.$inferSelect;
export type RelationKind = (typeof relationKind.enumValues)[number];

export const networkImportKind = pgEnum('network_import_kind', ['organisations', 'relations']);

/**
 * A CSV file waiting for the coordinator's confirmation after its preview: nothing of it is in
 * the register until then. Checked again on confirmation, written all or nothing, then deleted.
 */
export const networkImport = pgTable('network_import', {
	id: id(),
	projectId: uuid()
		.notNull()
		.references(() => project.id, { onDelete: 'cascade' }),
	personId: uuid()
		.notNull()
		.references(() => person.id, { onDelete: 'cascade' }),
	kind: networkImportKind().notNull(),
	content: text().notNull(),
	createdAt: createdAt()
});
