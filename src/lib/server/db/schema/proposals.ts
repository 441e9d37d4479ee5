import {
	boolean,
	date,
	index,
	integer,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { bytea, createdAt, id } from './columns';
import { organisation, person } from './people';
import { project } from './projects';

/** A proposal template: data, not code. `projectId` null = shared (the seeded ones). */
export const template = pgTable(
	'template',
	{
		id: id(),
		/** Stable key of a seeded template (`ten-point`), so seeding is idempotent. */
		key: text(),
		projectId: uuid().references(() => project.id, { onDelete: 'cascade' }),
		name: text().notNull(),
		source: text().notNull().default(''),
		version: text().notNull().default('1'),
		/** Characters that make one page, the unit of limits like "max 1 pag.". */
		pageChars: integer().notNull().default(3000),
		createdById: uuid().references(() => person.id),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('template_key_unique').on(t.key)]
);

/**
 * What a section holds, as the call asks for it: rich text, the action blocks, a title-only
 * parent (`heading`, e.g. "10. Modello di governance" over 10.a–10.e), a table with the call's
 * columns, a date, an amount or one of given choices. See src/lib/proposals/section-kinds.ts.
 */
export const templateSectionKind = pgEnum('template_section_kind', [
	'text',
	'actions',
	'heading',
	'table',
	'date',
	'amount',
	'choice'
]);

/** Filled once per action block, or per action and once overall (ADR 0198); null: once. */
export const templateSectionPerAction = pgEnum('template_section_per_action', [
	'each',
	'each_and_overall'
]);

export const templateSection = pgTable(
	'template_section',
	{
		id: id(),
		templateId: uuid()
			.notNull()
			.references(() => template.id, { onDelete: 'cascade' }),
		position: integer().notNull(),
		/** As printed: "5", "10.a". */
		number: text().notNull(),
		title: text().notNull(),
		guidance: text().notNull().default(''),
		limitChars: integer(),
		limitLabel: text(),
		kind: templateSectionKind().notNull().default('text'),
		perAction: templateSectionPerAction(),
		/** Column headings of a `table` section, as the call prints them. */
		columns: text()
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		/** The options of a `choice` section. */
		options: text()
			.array()
			.notNull()
			.default(sql`'{}'::text[]`)
	},
	(t) => [
		uniqueIndex('template_section_number_unique').on(t.templateId, t.number),
		uniqueIndex('template_section_position_unique').on(t.templateId, t.position)
	]
);

/** Avviso: the call with its "progetto di massima". */
export const call = pgTable(
	'call',
	{
		id: id(),
		projectId: uuid()
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		title: text().notNull(),
		subject: text().notNull().default(''),
		targets: text().notNull().default(''),
		aims: text().notNull().default(''),
		generalObjectives: text().notNull().default(''),
		specificObjectives: text().notNull().default(''),
		resources: text().notNull().default(''),
		deadline: date(),
		/** The call's own identifiers as the ente procedente published them (issue 14). */
		awardingBody: text(),
		actNumber: text(),
		actDate: date(),
		/** Codice Unico di Progetto (15 characters) and Codice Identificativo Gara (10), if any. */
		cup: text(),
		cig: text(),
		templateId: uuid()
			.notNull()
			.references(() => template.id),
		createdById: uuid().references(() => person.id),
		createdAt: createdAt()
	},
	(t) => [index('call_project_idx').on(t.projectId)]
);

export const proposalStatus = pgEnum('proposal_status', ['drafting', 'submitted', 'archived']);

export const proposal = pgTable(
	'proposal',
	{
		id: id(),
		/** Copied from the call: every policy question starts from the project. */
		projectId: uuid()
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		callId: uuid()
			.notNull()
			.references(() => call.id, { onDelete: 'cascade' }),
		title: text().notNull(),
		status: proposalStatus().notNull().default('drafting'),
		createdById: uuid().references(() => person.id),
		createdAt: createdAt()
	},
	(t) => [index('proposal_call_idx').on(t.callId)]
);

export const sectionStatus = pgEnum('section_status', ['to_write', 'draft', 'in_review', 'agreed']);

/** A proposal's section; its text is the live document `section:<id>`. */
export const proposalSection = pgTable(
	'proposal_section',
	{
		id: id(),
		proposalId: uuid()
			.notNull()
			.references(() => proposal.id, { onDelete: 'cascade' }),
		templateSectionId: uuid()
			.notNull()
			.references(() => templateSection.id),
		position: integer().notNull(),
		number: text().notNull(),
		title: text().notNull(),
		status: sectionStatus().notNull().default('to_write'),
		locked: boolean().notNull().default(false),
		lockedById: uuid().references(() => person.id),
		lockedAt: timestamp({ withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('proposal_section_position_unique').on(t.proposalId, t.position)]
);

export const sectionOwner = pgTable(
	'section_owner',
	{
		sectionId: uuid()
			.notNull()
			.references(() => proposalSection.id, { onDelete: 'cascade' }),
		organisationId: uuid()
			.notNull()
			.references(() => organisation.id)
	},
	(t) => [primaryKey({ columns: [t.sectionId, t.organisationId] })]
);

/** A comment thread anchored to a text range by Yjs relative positions (survive edits). */
export const commentThread = pgTable(
	'comment_thread',
	{
		id: id(),
		sectionId: uuid()
			.notNull()
			.references(() => proposalSection.id, { onDelete: 'cascade' }),
		anchorFrom: bytea().notNull(),
		anchorTo: bytea().notNull(),
		/** The fragment the anchor lives in: the text (`default`) or one action's (ADR 0207). */
		field: text().notNull().default('default'),
		quotedText: text().notNull().default(''),
		createdById: uuid().references(() => person.id),
		resolved: boolean().notNull().default(false),
		resolvedById: uuid().references(() => person.id),
		resolvedAt: timestamp({ withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('comment_thread_section_idx').on(t.sectionId)]
);

export const comment = pgTable(
	'comment',
	{
		id: id(),
		threadId: uuid()
			.notNull()
			.references(() => commentThread.id, { onDelete: 'cascade' }),
		authorId: uuid().references(() => person.id),
		body: text().notNull(),
		createdAt: createdAt()
	},
	(t) => [index('comment_thread_idx').on(t.threadId, t.createdAt)]
);

export const versionKind = pgEnum('proposal_version_kind', ['named', 'daily', 'restore']);

export const proposalVersion = pgTable(
	'proposal_version',
	{
		id: id(),
		proposalId: uuid()
			.notNull()
			.references(() => proposal.id, { onDelete: 'cascade' }),
		name: text(),
		kind: versionKind().notNull(),
		/** Europe/Rome calendar day: at most one daily version per proposal and day. */
		day: date().notNull(),
		createdById: uuid().references(() => person.id),
		createdAt: createdAt()
	},
	(t) => [
		index('proposal_version_proposal_idx').on(t.proposalId, t.createdAt),
		uniqueIndex('proposal_version_daily_unique')
			.on(t.proposalId, t.day)
			.where(sql`kind = 'daily'`)
	]
);

/** The full Yjs state of each live document of the proposal at the version's moment. */
export const proposalVersionDocument = pgTable(
	'proposal_version_document',
	{
		versionId: uuid()
			.notNull()
			.references(() => proposalVersion.id, { onDelete: 'cascade' }),
		documentName: text().notNull(),
		state: bytea().notNull()
	},
	(t) => [primaryKey({ columns: [t.versionId, t.documentName] })]
);

export type Template = typeof template.$inferSelect;
export type TemplateSection = typeof templateSection.$inferSelect;
export type Call = typeof call.$inferSelect;
export type Proposal = typeof proposal.$inferSelect;
export type ProposalSection = typeof proposalSection.$inferSelect;
export type SectionStatus = (typeof sectionStatus.enumValues)[number];
export type CommentThread = typeof commentThread.$inferSelect;
export type Comment = typeof comment.$inferSelect;
export type ProposalVersion = typeof proposalVersion.$inferSelect;
