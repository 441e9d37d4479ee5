import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { CLOSED_ON, EVENT_DATES, TAKEN_IN } from './person-sql';
import { PATHWAY_EVENT_KINDS } from './pathway-facts';

/**
 * The monitoring summary of each case (ADR 0175): what the dashboard's aggregates read instead
 * of re-deriving every person from the whole log on every request.
 *
 * - `case_summary`, one row per case with events: taken in charge, closed, first and last fact,
 *   first internship / hire, which indicators it counts in over its life, hours, months, the
 *   last follow-up's answer (employed or not) and situation (the ESF+ export's, ADR 0216);
 * - `case_month`, one row per case and month with a counted event: the flags and sums of that
 *   month (quarters and years are months grouped, so one table serves every period kind);
 * - `case_category`, the distinct categories of a case: contract and employer of its hires,
 *   reasons of its closures.
 *
 * `refreshCaseSummary` recomputes a case's rows from its log with the statements below, in the
 * transaction of every write that changes the log or the status (cases/events.ts,
 * cases/records.ts); the migration `case_summary` ran the same statements on every case. The
 * derivation is the one aggregates.ts ran per request before (ADR 0133), so the figures do not
 * move; `tests/integration/monitoring/case-summary.test.ts` holds the stored rows to a fresh
 * derivation after each kind of write.
 */

// A number in a JSON field, as pathway-facts.ts reads it.
const NUMBER = String.raw`^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$`;

/** The counted events of the cases `where` selects (alias `r` for case_record). */
export const counted = (where: SQL) => sql`
	select e.case_id, r.project_id, e.kind::text as kind, e.occurred_on as "on", e.created_at,
		case when e.kind in ('orientation', 'internship')
			and coalesce(e.details->>'hours', e.details->>'months') ~ ${NUMBER}
			then coalesce(e.details->>'hours', e.details->>'months')::float8 end as amount,
		case when e.kind in ('hire', 'closure')
			then coalesce(e.details->>'contract', e.details->>'reason', '') end as code,
		case when e.kind = 'hire'
			then coalesce(e.details->>'employerOrganisationId', '') end as employer,
		case when e.kind = 'follow_up'
			then coalesce(e.details->>'situation', '') end as situation
	from case_event e
	join case_record r on r.id = e.case_id
	where ${where}
		and e.kind in ('orientation', 'course', 'internship', 'hire', 'closure', 'follow_up')`;

/** PATHWAY_EVENT_KINDS (pathway-facts.ts) as an SQL list: the facts that date a pathway. */
const PATHWAY_KINDS = sql.raw(`(${PATHWAY_EVENT_KINDS.map((k) => `'${k}'`).join(', ')})`);

/** The `case_summary` rows of the cases `where` selects, derived from their logs. */
export const derivedSummary = (where: SQL) => sql`
	with ev as (
		select e.case_id, e.kind::text as kind, e.occurred_on as "on", e.status::text as status
		from case_event e join case_record r on r.id = e.case_id
		where ${where}
	),
	pev as materialized (${counted(where)}),
	dates as (
		select ev.case_id, ${EVENT_DATES},
			min(ev."on") filter (where ev.kind in ${PATHWAY_KINDS}) as first_fact,
			max(ev."on") filter (where ev.kind in ${PATHWAY_KINDS}) as last_fact
		from ev group by ev.case_id
	),
	k as (
		select pev.case_id,
			min(pev."on") filter (where pev.kind = 'internship') as first_internship,
			min(pev."on") filter (where pev.kind = 'hire') as first_hire,
			coalesce(bool_or(pev.kind in ('orientation', 'course')), false) as has_ot,
			coalesce(bool_or(pev.kind = 'internship'), false) as has_internship,
			coalesce(bool_or(pev.kind = 'hire'), false) as has_hire,
			coalesce(bool_or(pev.kind = 'closure'), false) as has_closure,
			coalesce(bool_or(pev.kind = 'follow_up' and pev.situation = 'employed'), false)
				as has_employed,
			sum(pev.amount) filter (where pev.kind = 'orientation') as hours,
			sum(pev.amount) filter (where pev.kind = 'internship') as months
		from pev group by pev.case_id
	),
	f as (
		select distinct on (case_id) case_id, situation = 'employed' as employed
		-- The last answer that says the situation: "not reachable" is unknown (ADR 0203).
		from pev where kind = 'follow_up' and situation in ('employed', 'not_employed')
		order by case_id, "on" desc, created_at desc
	),
	fs as (
		-- The last follow-up's situation, whatever it says, in the order the log keeps (the ESF+
		-- export's column, ADR 0216).
		select distinct on (e.case_id) e.case_id,
			nullif(e.details->>'situation', '') as situation
		from case_event e join case_record r on r.id = e.case_id
		where ${where} and e.kind = 'follow_up'
		order by e.case_id, e.occurred_on desc, e.created_at desc, e.id desc
	)
	select r.id as case_id, r.project_id, ${TAKEN_IN} as taken_in, ${CLOSED_ON} as closed_on,
		c.first_fact, c.last_fact, k.first_internship, k.first_hire,
		coalesce(k.has_ot, false) as has_ot, coalesce(k.has_internship, false) as has_internship,
		coalesce(k.has_hire, false) as has_hire, coalesce(k.has_closure, false) as has_closure,
		coalesce(k.has_employed, false) as has_employed, k.hours, k.months, f.employed as follow_up,
		fs.situation as follow_up_situation
	from case_record r
	join dates c on c.case_id = r.id
	left join k on k.case_id = r.id
	left join f on f.case_id = r.id
	left join fs on fs.case_id = r.id
	where ${where}`;

/** The bits of `first_in_quarter` / `first_in_year` (ADR 0216), in this order. */
export const FIRST_BITS = {
	ot: 1,
	internship: 2,
	hire: 4,
	closure: 8,
	employed: 16,
	hours: 32,
	months: 64
} as const;

/** Which of a month's figures no earlier month of the same period (window `w`) had. */
const firstsOf = (w: string) =>
	sql.raw(
		`(${Object.entries(FIRST_BITS)
			.map(([column, bit]) =>
				column === 'hours' || column === 'months'
					? `case when ${column} is not null and count(${column}) over ${w} = 0 then ${bit} else 0 end`
					: `case when ${column} and not coalesce(bool_or(${column}) over ${w}, false) then ${bit} else 0 end`
			)
			.join(' | ')})::smallint`
	);

/** The `case_month` rows: each case's counted events folded per month. */
export const derivedMonths = (where: SQL) => sql`
	select case_id, project_id, month, ot, internship, hire, closure, employed, hours, months,
		${firstsOf('q')} as first_in_quarter, ${firstsOf('y')} as first_in_year
	from (
		select case_id, project_id, date_trunc('month', "on"::timestamp)::date as month,
			bool_or(kind in ('orientation', 'course')) as ot,
			bool_or(kind = 'internship') as internship, bool_or(kind = 'hire') as hire,
			bool_or(kind = 'closure') as closure,
			bool_or(kind = 'follow_up' and situation = 'employed') as employed,
			sum(amount) filter (where kind = 'orientation') as hours,
			sum(amount) filter (where kind = 'internship') as months
		from (${counted(where)}) pev
		group by case_id, project_id, 3
	) m
	window q as (partition by case_id, date_trunc('quarter', month::timestamp) order by month
			rows between unbounded preceding and 1 preceding),
		y as (partition by case_id, date_trunc('year', month::timestamp) order by month
			rows between unbounded preceding and 1 preceding)`;

/** The `case_category` rows: distinct employer, contract (hires) and reason (closures) codes. */
export const derivedCategories = (where: SQL) => sql`
	select distinct case_id, project_id, x.dimension, x.code
	from (${counted(where)}) pev,
		lateral (values ('employer', pev.employer), ('contract', pev.code), ('reason', pev.code))
			as x(dimension, code)
	where (x.dimension in ('employer', 'contract') and pev.kind = 'hire')
		or (x.dimension = 'reason' and pev.kind = 'closure')`;

type Tx = Pick<Db, 'execute'>;

/** Recomputes the summary rows of the cases `where` selects (alias `r`): delete, then derive. */
export async function refreshSummaries(tx: Tx, where: SQL): Promise<void> {
	const ids = sql`(select r.id from case_record r where ${where})`;
	await tx.execute(sql`delete from case_summary where case_id in ${ids}`);
	await tx.execute(sql`delete from case_month where case_id in ${ids}`);
	await tx.execute(sql`delete from case_category where case_id in ${ids}`);
	await tx.execute(sql`insert into case_summary (case_id, project_id, taken_in, closed_on,
		first_fact, last_fact, first_internship, first_hire, has_ot, has_internship, has_hire,
		has_closure, has_employed, hours, months, follow_up, follow_up_situation)
		${derivedSummary(where)}`);
	await tx.execute(sql`insert into case_month (case_id, project_id, month, ot, internship, hire,
		closure, employed, hours, months, first_in_quarter, first_in_year) ${derivedMonths(where)}`);
	await tx.execute(
		sql`insert into case_category (case_id, project_id, dimension, code) ${derivedCategories(where)}`
	);
}

/** One case's rows, in the transaction that wrote its log or status. */
export const refreshCaseSummary = (tx: Tx, caseId: string) =>
	refreshSummaries(tx, sql`r.id = ${caseId}`);

/** Every case of a project (the demo's and the bench's bulk inserts). */
export const refreshProjectSummaries = (tx: Tx, projectId: string) =>
	refreshSummaries(tx, sql`r.project_id = ${projectId}`);
