import { sql, type SQL } from 'drizzle-orm';
import {
	bigserial,
	date,
	index,
	integer,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';
import { createdAt, id, searchVector, tsvector } from './columns';
import { organisation, person } from './people';
import { project } from './projects';
import { agendaItem, body, meeting } from './governance';

export const decisionStatus = pgEnum('decision_status', [
	'proposed',
	'approved',
	'in_progress',
	'done',
	'rejected',
	'superseded'
]);

export const decision = pgTable(
	'decision',
	{
		id: id(),
		projectId: uuid()
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		bodyId: uuid()
			.notNull()
			.references(() => body.id, { onDelete: 'cascade' }),
		meetingId: uuid().references(() => meeting.id, { onDelete: 'set null' }),
		agendaItemId: uuid().references(() => agendaItem.id, { onDelete: 'set null' }),
		text: text().notNull(),
		/** The passage of the minutes the decision was made from. */
		quote: text().notNull().default(''),
		status: decisionStatus().notNull().default('proposed'),
		/** The vote, where the body voted: in favour, against, abstained. */
		votesFor: integer(),
		votesAgainst: integer(),
		votesAbstained: integer(),
		ownerOrganisationId: uuid().references(() => organisation.id),
		ownerPersonId: uuid().references(() => person.id),
		dueOn: date(),
		supersededById: uuid().references((): AnyPgColumn => decision.id),
		createdById: uuid().references(() => person.id),
		createdAt: createdAt(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		/**
		 * Italian stems for whole words, 'simple' lexemes for prefix search of names and acronyms,
		 * accents stripped (ADR 0140); generated, so no write path can forget it.
		 */
		search: tsvector().generatedAlwaysAs((): SQL =>
			searchVector(sql`${decision.text} || ' ' || ${decision.quote}`)
		)
	},
	(t) => [
		index('decision_project_status_idx').on(t.projectId, t.status, t.createdAt),
		// The register's order, read backwards: its first page is the last 50 entries of the
		// project's range, not a sort of every decision of the project (ADR 0215).
		index('decision_project_created_idx').on(t.projectId, t.createdAt, t.id),
		index('decision_project_body_idx').on(t.projectId, t.bodyId),
		index('decision_project_due_idx').on(t.projectId, t.dueOn),
		index('decision_owner_person_idx').on(t.ownerPersonId),
		index('decision_owner_organisation_idx').on(t.ownerOrganisationId),
		index('decision_search_idx').using('gin', t.search)
	]
);

/** Every status change, append-only: who, when, from what to what, and why. */
export const decisionStatusChange = pgTable(
	'decision_status_change',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		decisionId: uuid()
			.notNull()
			.references(() => decision.id, { onDelete: 'cascade' }),
		fromStatus: decisionStatus(),
		toStatus: decisionStatus().notNull(),
		note: text().notNull().default(''),
		actorId: uuid().references(() => person.id),
		at: createdAt()
	},
	(t) => [
		index('decision_status_change_decision_idx').on(t.decisionId, t.at),
		// The register's timeline walks this backwards and stops at its limit (ADR 0215).
		index('decision_status_change_at_idx').on(t.at, t.id)
	]
);

/**
 * How many decisions each project has, kept on write by triggers on `decision` (migration 0035,
 * ADR 0215): the unfiltered register shows it instead of counting every decision on every
 * request. A statement that inserts, deletes (cascades included) or moves decisions updates it
 * in its own transaction; a restore brings it back with the rest of the backup.
 */
export const decisionTally = pgTable('decision_tally', {
	projectId: uuid()
		.primaryKey()
		.references(() => project.id, { onDelete: 'cascade' }),
	decisions: integer().notNull().default(0)
});

/** What a decision links to, typed but generic: other areas' tables need no foreign key here. */
export const decisionLinkType = pgEnum('decision_link_type', [
	'proposal_section',
	'activity',
	'partner'
]);

export const decisionLink = pgTable(
	'decision_link',
	{
		decisionId: uuid()
			.notNull()
			.references(() => decision.id, { onDelete: 'cascade' }),
		targetType: decisionLinkType().notNull(),
		targetId: uuid().notNull(),
		label: text().notNull()
	},
	(t) => [primaryKey({ columns: [t.decisionId, t.targetType, t.targetId] })]
);

export const actionItem = pgTable(
	'action_item',
	{
		id: id(),
		projectId: uuid()
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		meetingId: uuid().references(() => meeting.id, { onDelete: 'set null' }),
		decisionId: uuid().references(() => decision.id, { onDelete: 'set null' }),
		title: text().notNull(),
		ownerPersonId: uuid().references(() => person.id),
		ownerOrganisationId: uuid().references(() => organisation.id),
		dueOn: date(),
		doneAt: timestamp({ withTimezone: true }),
		doneById: uuid().references(() => person.id),
		createdById: uuid().references(() => person.id),
		createdAt: createdAt(),
		/** For search across everything (ADR 0140). */
		search: tsvector().generatedAlwaysAs((): SQL => searchVector(sql`${actionItem.title}`))
	},
	(t) => [
		index('action_item_project_idx').on(t.projectId, t.dueOn),
		index('action_item_owner_idx').on(t.ownerPersonId, t.doneAt),
		index('action_item_search_idx').using('gin', t.search)
	]
);

export type Decision = typeof decision.$inferSelect;
export type DecisionStatus = (typeof decisionStatus.enumValues)[number];
export type DecisionStatusChange = typeof decisionStatusChange.$inferSelect;
export type DecisionLinkType = (typeof decisionLinkType.enumValues)[number];
export type ActionItem = typeof actionItem.$inferSelect;
