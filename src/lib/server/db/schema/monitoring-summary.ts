import {
	boolean,
	date,
	doublePrecision,
	index,
	pgTable,
	primaryKey,
	smallint,
	text,
	uuid
} from 'drizzle-orm/pg-core';
import { caseRecord } from './cases';
import { project } from './projects';

/**
 * The monitoring summary of each case, kept by monitoring/case-summary.ts in the transaction of
 * every write to the case's log or status (ADR 0175): the dashboard aggregates these small rows
 * instead of the whole event log. Derived data only: no text a person wrote.
 */
const caseId = () =>
	uuid()
		.notNull()
		.references(() => caseRecord.id, { onDelete: 'cascade' });
const projectId = () =>
	uuid()
		.notNull()
		.references(() => project.id, { onDelete: 'cascade' });

export const caseSummary = pgTable(
	'case_summary',
	{
		caseId: caseId().primaryKey(),
		projectId: projectId(),
		takenIn: date(),
		closedOn: date(),
		firstFact: date(),
		lastFact: date(),
		firstInternship: date(),
		firstHire: date(),
		hasOt: boolean().notNull(),
		hasInternship: boolean().notNull(),
		hasHire: boolean().notNull(),
		hasClosure: boolean().notNull(),
		hasEmployed: boolean().notNull(),
		hours: doublePrecision(),
		months: doublePrecision(),
		/** The last follow-up's answer: employed or not; null when none says. */
		followUp: boolean(),
		/**
		 * The last follow-up's situation as its event gives it (a FOLLOW_UP_SITUATIONS code, e.g.
		 * 'unreachable'); null without one: the ESF+ export's column (migration 0035).
		 */
		followUpSituation: text()
	},
	(t) => [index('case_summary_project_idx').on(t.projectId)]
);

/** A case's counted events of one month, folded: quarters and years group these. */
export const caseMonth = pgTable(
	'case_month',
	{
		caseId: caseId(),
		projectId: projectId(),
		month: date().notNull(),
		ot: boolean().notNull(),
		internship: boolean().notNull(),
		hire: boolean().notNull(),
		closure: boolean().notNull(),
		employed: boolean().notNull(),
		hours: doublePrecision(),
		months: doublePrecision(),
		/**
		 * Which of this month's figures are the case's first of its quarter / year (bits: 1 ot,
		 * 2 internship, 4 hire, 8 closure, 16 employed, 32 hours, 64 months), so a quarter's or
		 * year's people are counted without folding each case's months first (ADR 0216).
		 */
		firstInQuarter: smallint().notNull().default(0),
		firstInYear: smallint().notNull().default(0)
	},
	(t) => [
		primaryKey({ columns: [t.caseId, t.month] }),
		index('case_month_project_idx').on(t.projectId)
	]
);

/** The distinct categories of a case's hires (employer id, contract) and closures (reason). */
export const caseCategory = pgTable(
	'case_category',
	{
		caseId: caseId(),
		projectId: projectId(),
		/** employer | contract | reason */
		dimension: text().notNull(),
		/** An organisation id, a contract or a reason code; '' when the event does not say. */
		code: text().notNull()
	},
	(t) => [
		primaryKey({ columns: [t.caseId, t.dimension, t.code] }),
		index('case_category_project_idx').on(t.projectId)
	]
);
