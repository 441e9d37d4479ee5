import { sql } from 'drizzle-orm';
import type { CaseEsfProfile } from '../db/schema';

/** The ESF+ answers of one person (pathway-facts.ts `EsfProfileFacts`). */
type EsfProfileFacts = Omit<CaseEsfProfile, 'caseId' | 'updatedById' | 'updatedAt'>;

/**
 * derivePerson (pathway-facts.ts) in SQL, for the queries that count in PostgreSQL (aggregates.ts,
 * the ESF+ export). EVENT_DATES aggregates a case's events `ev` (`kind`, `"on"`, `status` as
 * text) grouped by case; TAKEN_IN and CLOSED_ON read those columns (`c`) beside the case `r`.
 */
export const EVENT_DATES = sql.raw(`min(ev."on") as first_on, max(ev."on") as last_on,
	min(ev."on") filter (where ev.kind = 'intake') as first_intake,
	min(ev."on") filter (where ev.status is not null and ev.status <> 'referred') as first_moved,
	max(ev."on") filter (where ev.kind = 'closure') as last_closure`);

/** The first intake, else the first step past `referred`, else (moved on by hand) the first event. */
export const TAKEN_IN = sql.raw(
	`coalesce(c.first_intake, c.first_moved, case when r.status <> 'referred' then c.first_on end)`
);

/** The last closure (else the last event) of a case closed now; null while open. */
export const CLOSED_ON = sql.raw(
	`case when r.status = 'closed' then coalesce(c.last_closure, c.last_on) end`
);

/** The ESF+ profile columns as a query returns them (snake_case; null without a profile). */
export interface ProfileColumns {
	gender: string | null;
	labour_status: string | null;
	age_band: string | null;
	education: string | null;
	disability: boolean | null;
	third_country_national: boolean | null;
	foreign_background: boolean | null;
	minority: boolean | null;
	homeless: boolean | null;
	rural: boolean | null;
	result_at_exit: string | null;
	result_six_months: string | null;
}

/** A row's profile columns as the facts (only for a row that has a profile). */
export function profileOf(p: ProfileColumns): EsfProfileFacts {
	return {
		gender: p.gender!,
		labourStatus: p.labour_status!,
		ageBand: p.age_band!,
		education: p.education!,
		disability: p.disability,
		thirdCountryNational: p.third_country_national,
		foreignBackground: p.foreign_background,
		minority: p.minority,
		homeless: p.homeless,
		rural: p.rural,
		resultAtExit: p.result_at_exit,
		resultSixMonths: p.result_six_months
	};
}
