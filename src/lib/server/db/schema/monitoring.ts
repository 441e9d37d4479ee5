import {
	boolean,
	index,
	integer,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	unique,
	uuid
} from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
import { caseRecord } from './cases';
import { person } from './people';
import { project } from './projects';
import { proposal } from './proposals';
import { district } from './territories';

/**
 * The targets of the project sheet (001 §5: "almeno 25 giovani per sub-ambito", "40
 * attivazioni"): one per indicator for the whole project (district null) and one per district
 * where the sheet gives one. The indicator is a key of src/lib/monitoring/indicators.ts.
 */
export const monitoringTarget = pgTable(
	'monitoring_target',
	{
		id: id(),
		projectId: uuid()
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		indicator: text().notNull(),
		districtId: uuid().references(() => district.id, { onDelete: 'cascade' }),
		target: integer().notNull(),
		note: text().notNull().default(''),
		updatedById: uuid().references(() => person.id),
		createdAt: createdAt(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('monitoring_target_unique')
			.on(t.projectId, t.indicator, t.districtId)
			.nullsNotDistinct(),
		index('monitoring_target_project_idx').on(t.projectId)
	]
);

export type MonitoringTarget = typeof monitoringTarget.$inferSelect;

/**
 * ESF+ participant data (Reg. (EU) 2021/1057, Annex I) of one person, keyed by the case: as
 * personal as the identity (disability, minority), so read and written only by the case
 * operators of the record's organisation, and exported pseudonymously. Values are the keys of
 * src/lib/monitoring/esf.ts; null flags are "not declared".
 */
export const caseEsfProfile = pgTable('case_esf_profile', {
	caseId: uuid()
		.primaryKey()
		.references(() => caseRecord.id, { onDelete: 'cascade' }),
	gender: text().notNull(),
	labourStatus: text().notNull(),
	ageBand: text().notNull(),
	education: text().notNull(),
	disability: boolean(),
	thirdCountryNational: boolean(),
	foreignBackground: boolean(),
	minority: boolean(),
	homeless: boolean(),
	rural: boolean(),
	/** Situation within four weeks of leaving; null until recorded. */
	resultAtExit: text(),
	/** Situation six months after leaving (the follow-up); null until recorded. */
	resultSixMonths: text(),
	updatedById: uuid().references(() => person.id),
	updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});

export type CaseEsfProfile = typeof caseEsfProfile.$inferSelect;

/**
 * The coordinator's "done" mark on one action of a proposal's cronoprogramma in one project
 * month, for work no meeting, lab or pathway event shows (reporting, monitoring). The action
 * id is the block's id inside the live document `actions:<proposalId>`, hence text, not a key.
 */
export const cronoprogrammaMark = pgTable(
	'cronoprogramma_mark',
	{
		proposalId: uuid()
			.notNull()
			.references(() => proposal.id, { onDelete: 'cascade' }),
		actionId: text().notNull(),
		/** Project month, 1 = the month the project starts in. */
		month: integer().notNull(),
		projectId: uuid()
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		markedById: uuid().references(() => person.id),
		markedAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.proposalId, t.actionId, t.month] })]
);

export type CronoprogrammaMark = typeof cronoprogrammaMark.$inferSelect;

/** The two ends of the thread that the proposal holds only as prose: needs and objectives. */
export const traceNodeKind = pgEnum('trace_node_kind', ['need', 'objective']);

/** A need observed locally (schema point 2) or an objective (points 3–4), named for linking. */
export const traceNode = pgTable(
	'trace_node',
	{
		id: id(),
		projectId: uuid()
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		kind: traceNodeKind().notNull(),
		title: text().notNull(),
		createdById: uuid().references(() => person.id),
		createdAt: createdAt()
	},
	(t) => [index('trace_node_project_idx').on(t.projectId, t.kind)]
);

/**
 * The links of the thread need → objective → action → decision → indicator, one kind per pair:
 * `need_objective` (need → objective it is answered by), `objective_action` (objective → action
 * serving it), `decision_action` (decision → action it is about), `indicator_objective`
 * (indicator → objective it measures). Ids are text because an action is
 * `<proposalId>:<blockId>` (blocks live in a live document) and an indicator is its key.
 */
export const traceLinkKind = pgEnum('trace_link_kind', [
	'need_objective',
	'objective_action',
	'decision_action',
	'indicator_objective'
]);

export const traceLink = pgTable(
	'trace_link',
	{
		projectId: uuid()
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		kind: traceLinkKind().notNull(),
		fromId: text().notNull(),
		toId: text().notNull(),
		createdById: uuid().references(() => person.id),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.projectId, t.kind, t.fromId, t.toId] })]
);

export type TraceNode = typeof traceNode.$inferSelect;
export type TraceLink = typeof traceLink.$inferSelect;
export type TraceLinkKind = (typeof traceLinkKind.enumValues)[number];
