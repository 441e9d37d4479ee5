import { sql, type SQL } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, searchVector, tsvector } from './columns';
import { person } from './people';
import { project } from './projects';
import { district } from './territories';
import { caseEvent, caseRecord } from './cases';
import { decision } from './governance-decisions';
import type { TargetCategory } from '../../../cases/pathway-values';

/**
 * A community-of-practice lab (001 §6, 000's co-design lab): a theme, a facilitator, the
 * territories it re-reads cases from, and the people of the network who take part.
 */
export const lab = pgTable(
	'lab',
	{
		id: id(),
		projectId: uuid()
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		title: text().notNull(),
		theme: text().notNull().default(''),
		facilitatorId: uuid()
			.notNull()
			.references(() => person.id),
		createdAt: createdAt(),
		/** For search across everything (ADR 0140). */
		search: tsvector().generatedAlwaysAs((): SQL =>
			searchVector(sql`${lab.title} || ' ' || ${lab.theme}`)
		)
	},
	(t) => [index('lab_project_idx').on(t.projectId), index('lab_search_idx').using('gin', t.search)]
);

export const labTerritory = pgTable(
	'lab_territory',
	{
		labId: uuid()
			.notNull()
			.references(() => lab.id, { onDelete: 'cascade' }),
		districtId: uuid()
			.notNull()
			.references(() => district.id)
	},
	(t) => [primaryKey({ columns: [t.labId, t.districtId] })]
);

/** Who takes part: only they (and those who run labs) write on the sessions' boards. */
export const labParticipant = pgTable(
	'lab_participant',
	{
		labId: uuid()
			.notNull()
			.references(() => lab.id, { onDelete: 'cascade' }),
		personId: uuid()
			.notNull()
			.references(() => person.id)
	},
	(t) => [primaryKey({ columns: [t.labId, t.personId] })]
);

/** A dated meeting of the lab; its board and notes are the live document `labboard:<id>`. */
export const labSession = pgTable(
	'lab_session',
	{
		id: id(),
		labId: uuid()
			.notNull()
			.references(() => lab.id, { onDelete: 'cascade' }),
		title: text().notNull(),
		startsAt: timestamp({ withTimezone: true }).notNull(),
		endsAt: timestamp({ withTimezone: true }).notNull(),
		place: text().notNull().default(''),
		createdAt: createdAt()
	},
	(t) => [index('lab_session_lab_idx').on(t.labId, t.startsAt)]
);

/** A case re-read in a session, by pseudonym only (docs/security.md, field-level rule). */
export const labSessionCase = pgTable(
	'lab_session_case',
	{
		sessionId: uuid()
			.notNull()
			.references(() => labSession.id, { onDelete: 'cascade' }),
		caseId: uuid()
			.notNull()
			.references(() => caseRecord.id, { onDelete: 'cascade' }),
		attachedById: uuid().references(() => person.id),
		attachedAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.sessionId, t.caseId] })]
);

/**
 * A pathway note's excerpt shared with a session by the record's operator: pseudonymised on the
 * server (identity traces become the pseudonym) before it is stored; the note stays on the case.
 */
export const labSessionExcerpt = pgTable(
	'lab_session_excerpt',
	{
		id: id(),
		sessionId: uuid()
			.notNull()
			.references(() => labSession.id, { onDelete: 'cascade' }),
		caseId: uuid()
			.notNull()
			.references(() => caseRecord.id, { onDelete: 'cascade' }),
		eventId: uuid().references(() => caseEvent.id, { onDelete: 'set null' }),
		text: text().notNull(),
		sharedById: uuid().references(() => person.id),
		createdAt: createdAt()
	},
	(t) => [index('lab_session_excerpt_session_idx').on(t.sessionId, t.caseId)]
);

export type Lab = typeof lab.$inferSelect;
export type LabSession = typeof labSession.$inferSelect;

/**
 * What a lab learnt, as a good practice (001 §6: "evidenziando buone pratiche e strategie da
 * condividere"): recorded from one session, readable by the whole project as a library.
 */
export const goodPractice = pgTable(
	'good_practice',
	{
		id: id(),
		projectId: uuid()
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		labId: uuid()
			.notNull()
			.references(() => lab.id, { onDelete: 'cascade' }),
		sessionId: uuid()
			.notNull()
			.references(() => labSession.id, { onDelete: 'cascade' }),
		title: text().notNull(),
		/** The problem the lab met. */
		problem: text().notNull().default(''),
		/** What worked: the practice itself. */
		whatWorked: text().notNull(),
		/** Under which conditions it worked (who, resources, timing). */
		conditions: text().notNull().default(''),
		/** What shows it worked: pathways, figures, testimonies. */
		evidence: text().notNull().default(''),
		/** For whom: a target code of `pathway-values.ts`; null = any. */
		targetCategory: text().$type<TargetCategory>(),
		/** The territory it comes from; null = the whole project. */
		districtId: uuid().references(() => district.id),
		recordedById: uuid().references(() => person.id),
		createdAt: createdAt()
	},
	(t) => [index('good_practice_project_idx').on(t.projectId, t.createdAt)]
);

/** The pseudonymous cases a practice was learnt from: only cases attached to its session. */
export const goodPracticeCase = pgTable(
	'good_practice_case',
	{
		practiceId: uuid()
			.notNull()
			.references(() => goodPractice.id, { onDelete: 'cascade' }),
		caseId: uuid()
			.notNull()
			.references(() => caseRecord.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.practiceId, t.caseId] })]
);

export type GoodPractice = typeof goodPractice.$inferSelect;

/** A decision a session proposed to the cabina di regia: the link back from the register. */
export const labSessionDecision = pgTable(
	'lab_session_decision',
	{
		sessionId: uuid()
			.notNull()
			.references(() => labSession.id, { onDelete: 'cascade' }),
		decisionId: uuid()
			.notNull()
			.references(() => decision.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.sessionId, t.decisionId] })]
);
