import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query } from '../db/raw-query';
import type { Indicator, PeriodKind } from '../../monitoring/indicators';
import type { Measure, Period } from './compute';
import type { AnnexGroup } from './annex';
import { profileOf, type ProfileColumns } from './person-sql';
import { counted, FIRST_BITS } from './case-summary';
import type { DayRange } from '../../monitoring/report-range';

/**
 * The dashboard's figures counted by PostgreSQL (ADR 0133): the same indicators as the pure
 * arithmetic of compute.ts / annex.ts, which stays as their reference (an integration test holds
 * the two to the same results on a random fixture), but only the cells come back — a few hundred
 * rows instead of every person's facts. Like pathway-facts.ts it reads the case tables and returns
 * no identity: callers must have authorised `monitoring.read` before.
 *
 * One statement over the summary kept on write (case-summary.ts, ADR 0175): `person` (one row
 * per case: taken in charge, closed, first internship / hire, and which indicators it counts in
 * over the whole life, from `case_summary`) feeds every block but the trend's events, which read
 * `case_month`, and the categories, which read `case_category`. The log itself is not read here.
 */

/** The indicator figures of one scope ('all', an organisation or a territory), all time. */
export interface ScopeMeasures {
	dim: 'all' | 'org' | 'ter';
	key: string;
	measures: Record<Indicator, Measure>;
}

/** People by the period of their taking in charge and of their closure (null: open). */
export interface Span {
	takenIn: string;
	closedIn: string | null;
	people: number;
}

/** Event-based figures of one period (its first day). */
export interface PeriodEvents {
	start: string;
	measures: Pick<
		Record<Indicator, Measure>,
		| 'orientation_training'
		| 'internships_started'
		| 'hires'
		| 'closures'
		| 'employed_six_months'
		| 'orientation_hours'
		| 'internship_months'
	>;
}

/** Days from taking in charge to the first internship / hire, by the period of the latter. */
export interface PeriodDays {
	start: string;
	kind: 'internship' | 'hire';
	median: Measure;
}

export interface MonitoringAggregates {
	/** First and last day with a fact, as the dashboard's period range reads them. */
	firstDate: string | null;
	lastDate: string | null;
	scopes: ScopeMeasures[];
	spans: Span[];
	periods: PeriodEvents[];
	days: PeriodDays[];
	/** People per category: hires by employer kind ('employer') and contract, closures by reason. */
	categories: { of: 'employer' | 'contract' | 'reason'; code: string; people: number }[];
	annex: AnnexGroup[];
	peopleWithoutTerritory: number;
}

const measure = (value: number | null, people: number): Measure => ({ value, people });
const count = (n: number): Measure => measure(n, n);
/** percentile_cont(0.5) is the mean of the middle two; compute.ts `median` rounds it. */
const median = (value: number | null, people: number): Measure =>
	measure(value === null ? null : Math.round(value), people);

/**
 * The people of each organisation × territory (`base`: a hash aggregate of `person` into a few
 * hundred rows at most), the columns every scope adds up: a scope is the sum of its bases
 * (ADR 0216). Counts and sums add; medians do not, so they come from `scope_days` below.
 */
const BASE_COLUMNS = sql.raw(`
	count(*) filter (where p.in_range) as in_charge,
	count(*) filter (where p.active) as active,
	count(*) filter (where p.has_ot) as ot,
	count(*) filter (where p.has_internship) as internships,
	count(*) filter (where p.has_hire) as hires,
	count(*) filter (where p.has_closure) as closures,
	count(*) filter (where p.has_employed) as employed,
	sum(p.hours) as hours, count(p.hours) as hours_people,
	sum(p.months) as months, count(p.months) as months_people,
	min(coalesce(p.taken_in, p.first_fact)) as first_date,
	max(coalesce(p.last_fact, p.taken_in)) as last_date`);

/** The scopes a base (or a histogram row) counts in: the project, its organisation, its territories. */
const SCOPES_OF = (alias: string) =>
	sql.raw(`lateral (values ('all', ''), ('org', ${alias}.organisation_id::text),
		('ter', ${alias}.district_id::text), ('ter', ${alias}.parent_id::text)) as s(dim, key)`);

/** The scope's sums of its bases' columns. */
const SCOPE_SUMS = sql.raw(`
	sum(b.in_charge)::bigint as in_charge, sum(b.active)::bigint as active,
	sum(b.ot)::bigint as ot, sum(b.internships)::bigint as internships,
	sum(b.hires)::bigint as hires, sum(b.closures)::bigint as closures,
	sum(b.employed)::bigint as employed,
	coalesce(sum(b.hours), 0) as hours, sum(b.hours_people)::bigint as hours_people,
	coalesce(sum(b.months), 0) as months, sum(b.months_people)::bigint as months_people`);

/**
 * The median of the days in a histogram (`days`, `n` people) for each group of `by`, as
 * percentile_cont(0.5) gives it: the mean of the values at the middle positions, found on the
 * running count — a sort of the histogram's few rows instead of every person's (ADR 0216).
 */
const medianOf = (histogram: string, by: string) =>
	sql.raw(`select ${by}, total as people,
			((min(days) filter (where upto >= (total - 1) / 2 + 1)
				+ min(days) filter (where upto >= total / 2 + 1)) / 2.0)::float8 as value
		from (
			select ${by}, days, (sum(n) over (partition by ${by} order by days))::bigint as upto,
				(sum(n) over (partition by ${by}))::bigint as total
			from ${histogram}
		) c
		group by ${by}, total`);

interface ScopeRow {
	dim: ScopeMeasures['dim'];
	key: string;
	in_charge: number;
	active: number;
	ot: number;
	internships: number;
	hires: number;
	closures: number;
	employed: number;
	hours: number;
	hours_people: number;
	months: number;
	months_people: number;
	to_internship: number | null;
	to_internship_people: number;
	to_hire: number | null;
	to_hire_people: number;
}

interface PeriodRow {
	start: string;
	ot: number;
	internships: number;
	hires: number;
	closures: number;
	employed: number;
	hours: number;
	hours_people: number;
	months: number;
	months_people: number;
}

interface AnnexRowOut extends ProfileColumns {
	people: number;
	left: boolean;
	follow_up: boolean | null;
	has_profile: boolean;
}

interface Result {
	first_date: string | null;
	last_date: string | null;
	without_territory: number;
	scopes: string | null;
	spans: string | null;
	periods: string | null;
	days: string | null;
	categories: string | null;
	annex: string | null;
}

const parse = <T>(json: string | null): T[] => (json ? (JSON.parse(json) as T[]) : []);

export interface AggregateOptions {
	/** Scopes only (the home summary, the targets of a report): the other blocks are null. */
	totalsOnly?: boolean;
	/**
	 * A report's days (ADR 0202): figures of those days only, each period of the trend cut to
	 * them. Without it, the project's whole life from the summary kept on write.
	 */
	range?: DayRange;
}

/**
 * The per-case rows every block reads (`person`), and, with a range, the counted events of its
 * days (`rev`, read from the log: the summary's months are too coarse for a day's boundary).
 */
function personRows(projectId: string, range: DayRange | undefined): SQL {
	if (!range) {
		return sql`person as materialized (
			-- One row per case from the summary kept on write (case-summary.ts, ADR 0175); a case
			-- with no event has none, and counts nowhere, as before.
			select r.id, r.organisation_id, m.district_id, d.parent_id,
				s.taken_in, s.closed_on, s.first_fact, s.last_fact, s.first_internship, s.first_hire,
				s.has_ot, s.has_internship, s.has_hire, s.has_closure, s.has_employed, s.hours,
				s.months, s.follow_up, s.taken_in is not null as in_range,
				s.taken_in is not null as active
			from case_record r
			-- The project's rows only (its index), not every project's, to join.
			left join case_summary s on s.case_id = r.id and s.project_id = ${projectId}
			left join municipality m on m.id = r.municipality_id
			left join district d on d.id = m.district_id
			where r.project_id = ${projectId}
		)`;
	}
	const from = sql`${range.from}::date`;
	const to = sql`${range.to}::date`;
	const inDays = (column: string) => sql`case when ${sql.raw(column)} between ${from} and ${to}
		then ${sql.raw(column)} end`;
	return sql`rev as materialized (
			${counted(sql`r.project_id = ${projectId} and e.occurred_on between ${from} and ${to}`)}
		),
		rk as (
			select case_id, bool_or(kind in ('orientation', 'course')) as has_ot,
				bool_or(kind = 'internship') as has_internship, bool_or(kind = 'hire') as has_hire,
				bool_or(kind = 'closure') as has_closure,
				bool_or(kind = 'follow_up' and situation = 'employed') as has_employed,
				sum(amount) filter (where kind = 'orientation') as hours,
				sum(amount) filter (where kind = 'internship') as months
			from rev group by case_id
		),
		person as materialized (
			-- As above, with what happened in the range: events of its days, people taken in
			-- charge in it, pathways open during it (compute.ts counts() for one period).
			select r.id, r.organisation_id, m.district_id, d.parent_id,
				s.taken_in, s.closed_on, s.first_fact, s.last_fact,
				${inDays('s.first_internship')} as first_internship,
				${inDays('s.first_hire')} as first_hire,
				coalesce(k.has_ot, false) as has_ot,
				coalesce(k.has_internship, false) as has_internship,
				coalesce(k.has_hire, false) as has_hire, coalesce(k.has_closure, false) as has_closure,
				coalesce(k.has_employed, false) as has_employed, k.hours, k.months, s.follow_up,
				coalesce(s.taken_in between ${from} and ${to}, false) as in_range,
				coalesce(s.taken_in <= ${to} and (s.closed_on is null or s.closed_on >= ${from}), false)
					as active
			from case_record r
			left join case_summary s on s.case_id = r.id and s.project_id = ${projectId}
			left join rk k on k.case_id = r.id
			left join municipality m on m.id = r.municipality_id
			left join district d on d.id = m.district_id
			where r.project_id = ${projectId}
		)`;
}

/** A date's period (a date: cheap to hash; JSON writes it as YYYY-MM-DD, as Period.start). */
const bucketSql = (column: string, periodKind: PeriodKind) =>
	`date_trunc('${periodKind}', ${column}::timestamp)::date`;

/** The one statement behind `loadAggregates` (the bench prints its plan with EXPLAIN=1). */
export function aggregatesStatement(
	projectId: string,
	periodKind: PeriodKind,
	{ totalsOnly = false, range }: AggregateOptions = {}
): SQL {
	const part = (block: SQL) => (totalsOnly ? sql`null` : block);
	const bucket = (column: string) => sql.raw(bucketSql(column, periodKind));
	// With a range, a day before it is "before every period" and a day after "after every
	// period": trendOfAggregates then counts the open pathways of each period as it does.
	const BEFORE = sql`date '0001-01-01'`;
	const AFTER = sql`date '9999-01-01'`;
	const spanOf = range
		? sql`case when taken_in < ${range.from}::date then ${BEFORE} else ${bucket('taken_in')} end
				as "takenIn",
			case when closed_on is null then null when closed_on < ${range.from}::date then ${BEFORE}
				when closed_on > ${range.to}::date then ${AFTER} else ${bucket('closed_on')} end
				as "closedIn"`
		: sql`${bucket('taken_in')} as "takenIn", ${bucket('closed_on')} as "closedIn"`;
	const spanWhere = range ? sql`and taken_in <= ${range.to}::date` : sql``;
	// Each person once per period: their months (or, with a range, their events) folded first.
	const foldedPeriods = range
		? sql`select ${bucket('"on"')} as start,
				bool_or(kind in ('orientation', 'course')) as ot,
				bool_or(kind = 'internship') as internships, bool_or(kind = 'hire') as hires,
				bool_or(kind = 'closure') as closures,
				bool_or(kind = 'follow_up' and situation = 'employed') as employed,
				sum(amount) filter (where kind = 'orientation') as hours,
				sum(amount) filter (where kind = 'internship') as months
			from rev group by case_id, 1`
		: sql`select ${bucket('month')} as start,
				bool_or(ot) as ot, bool_or(internship) as internships, bool_or(hire) as hires,
				bool_or(closure) as closures, bool_or(employed) as employed,
				sum(hours) as hours, sum(months) as months
			from case_month
			where project_id = ${projectId}
			group by case_id, 1`;
	const categories = range
		? sql`select 'employer' as "of", coalesce(o.kind::text, '') as code,
				count(distinct v.case_id) as people
			from rev v left join organisation o on o.id::text = v.employer
			where v.kind = 'hire' group by 2
			union all
			select case when kind = 'hire' then 'contract' else 'reason' end, code,
				count(distinct case_id)
			from rev where kind in ('hire', 'closure') group by 1, 2`
		: sql`select 'employer' as "of", code, count(*) as people from (
				-- Each person once per employer kind (distinct by hashing, not sorting).
				select distinct coalesce(o.kind::text, '') as code, c.case_id
				from case_category c left join organisation o on o.id::text = c.code
				where c.project_id = ${projectId} and c.dimension = 'employer'
			) e group by 2
			union all
			select dimension, code, count(*) from case_category
			where project_id = ${projectId} and dimension in ('contract', 'reason') group by 1, 2`;
	// Annex I counts participants cumulatively: with a range, those taken in charge by its end,
	// who have left when their pathway closed by then.
	const annexWhere = range ? sql`and p.taken_in <= ${range.to}::date` : sql``;
	const hasLeft = range
		? sql`coalesce(p.closed_on <= ${range.to}::date, false)`
		: sql`p.closed_on is not null`;
	// Each person once per period: their months (or, with a range, their events) folded first;
	// by month, without a range, `case_month` is that fold already (one row per case and month).
	const periods =
		!range && periodKind === 'month'
			? sql`select month as start, ot, internship as internships, hire as hires,
					closure as closures, employed, hours, months
				from case_month where project_id = ${projectId}`
			: foldedPeriods;
	// Without a range, a quarter's or year's people are its months that are their case's first
	// with the figure (case_month.first_in_*, ADR 0216): no fold per case.
	const bit = (name: keyof typeof FIRST_BITS) =>
		sql.raw(
			`${periodKind === 'year' ? 'first_in_year' : 'first_in_quarter'} & ${FIRST_BITS[name]} <> 0`
		);
	const periodCounts =
		!range && periodKind !== 'month'
			? sql`select ${bucket('month')} as start, count(*) filter (where ${bit('ot')}) as ot,
					count(*) filter (where ${bit('internship')}) as internships,
					count(*) filter (where ${bit('hire')}) as hires,
					count(*) filter (where ${bit('closure')}) as closures,
					count(*) filter (where ${bit('employed')}) as employed,
					coalesce(sum(hours), 0) as hours, count(*) filter (where ${bit('hours')}) as hours_people,
					coalesce(sum(months), 0) as months,
					count(*) filter (where ${bit('months')}) as months_people
				from case_month where project_id = ${projectId}
				group by 1`
			: sql`select start, count(*) filter (where ot) as ot,
					count(*) filter (where internships) as internships,
					count(*) filter (where hires) as hires, count(*) filter (where closures) as closures,
					count(*) filter (where employed) as employed,
					coalesce(sum(hours), 0) as hours, count(hours) as hours_people,
					coalesce(sum(months), 0) as months, count(months) as months_people
				from (${periods}) x
				group by start`;
	return sql`
		with ${personRows(projectId, range)},
		base as (
			select p.organisation_id, p.district_id, p.parent_id, ${BASE_COLUMNS},
				count(*) ${range ? sql`filter (where p.active)` : sql``} as people
			from person p group by 1, 2, 3
		),
		-- Days from taking in charge to the first internship / hire, of the people who have one.
		diffs as (
			select organisation_id, district_id, parent_id, 'internship' as kind,
				first_internship as "on", first_internship - taken_in as days
			from person where first_internship >= taken_in
			union all
			select organisation_id, district_id, parent_id, 'hire', first_hire, first_hire - taken_in
			from person where first_hire >= taken_in
		),
		scope_days as (
			select s.dim, s.key, h.kind, h.days, sum(h.n)::bigint as n
			from (
				select organisation_id, district_id, parent_id, kind, days, count(*) as n
				from diffs group by 1, 2, 3, 4, 5
			) h, ${SCOPES_OF('h')}
			where s.key is not null
			group by 1, 2, 3, 4
		),
		scope_medians as (${medianOf('scope_days', 'dim, key, kind')}),
		period_days as (
			select kind, ${bucket('"on"')} as start, days, count(*) as n from diffs group by 1, 2, 3
		),
		period_medians as (${medianOf('period_days', 'kind, start')})
		select
			(select min(first_date)::text from base) as first_date,
			(select max(last_date)::text from base) as last_date,
			(select coalesce(sum(people), 0) from base where district_id is null)::int
				as without_territory,
			(select json_agg(s)::text from (
				select c.*, i.value as to_internship, coalesce(i.people, 0) as to_internship_people,
					h.value as to_hire, coalesce(h.people, 0) as to_hire_people
				from (
					select s.dim, s.key, ${SCOPE_SUMS}
					from base b, ${SCOPES_OF('b')}
					where s.key is not null
					group by 1, 2
				) c
				left join scope_medians i on i.dim = c.dim and i.key = c.key and i.kind = 'internship'
				left join scope_medians h on h.dim = c.dim and h.key = c.key and h.kind = 'hire'
				order by c.dim, c.key
			) s) as scopes,
			${part(sql`(select json_agg(s)::text from (
				select ${spanOf}, count(*) as people
				from person where taken_in is not null ${spanWhere} group by 1, 2
			) s)`)} as spans,
			${part(sql`(select json_agg(s)::text from (
				${periodCounts}
			) s)`)} as periods,
			${part(sql`(select json_agg(s)::text from (
				select kind, start, value, people from period_medians
			) s)`)} as days,
			${part(sql`(select json_agg(s)::text from (${categories}) s)`)} as categories,
			${part(sql`(select json_agg(s)::text from (
				select count(*) as people, ${hasLeft} as "left", p.follow_up,
					f.case_id is not null as has_profile, f.gender, f.labour_status, f.age_band,
					f.education, f.disability, f.third_country_national, f.foreign_background,
					f.minority, f.homeless, f.rural, f.result_at_exit, f.result_six_months
				from person p left join case_esf_profile f on f.case_id = p.id
				where p.taken_in is not null ${annexWhere}
				group by 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16
			) s)`)} as annex
	`;
}

/**
 * Runs `fn` in a transaction whose statements may use 32 MB per hash or sort: over a project's
 * whole log the defaults (4 MB) spill to disk (EXPLAIN on the bench). `set local` ends with it.
 */
export function withWorkMemory<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
	return db.transaction(async (tx) => {
		await tx.execute(sql`set local work_mem = '32MB'`);
		return fn(tx as unknown as Db);
	});
}

/** Every figure the dashboard shows, with periods of `periodKind` for the trend. */
export async function loadAggregates(
	db: Db,
	projectId: string,
	periodKind: PeriodKind,
	options: AggregateOptions = {}
): Promise<MonitoringAggregates> {
	const [row] = await withWorkMemory(db, (tx) =>
		query<Result & Record<string, unknown>>(tx, aggregatesStatement(projectId, periodKind, options))
	);
	return {
		firstDate: row.first_date,
		lastDate: row.last_date,
		peopleWithoutTerritory: Number(row.without_territory),
		scopes: parse<ScopeRow>(row.scopes).map(toScope),
		spans: parse<Span>(row.spans),
		periods: parse<PeriodRow>(row.periods).map((r) => ({
			start: r.start,
			measures: eventMeasures(r)
		})),
		days: parse<{ kind: PeriodDays['kind']; start: string; value: number | null; people: number }>(
			row.days
		).map((r) => ({ kind: r.kind, start: r.start, median: median(r.value, r.people) })),
		categories: parse(row.categories),
		annex: parse<AnnexRowOut>(row.annex).map(toAnnexGroup)
	};
}

function eventMeasures(r: PeriodRow | ScopeRow): PeriodEvents['measures'] {
	return {
		orientation_training: count(r.ot),
		internships_started: count(r.internships),
		hires: count(r.hires),
		closures: count(r.closures),
		employed_six_months: count(r.employed),
		orientation_hours: measure(r.hours, r.hours_people),
		internship_months: measure(r.months, r.months_people)
	};
}

function toScope(r: ScopeRow): ScopeMeasures {
	return {
		dim: r.dim,
		key: r.key,
		measures: {
			// All time, "active" is everyone taken in charge; in a range, the pathways open in it.
			people_in_charge: count(r.in_charge),
			active_pathways: count(r.active),
			...eventMeasures(r),
			days_to_internship: median(r.to_internship, r.to_internship_people),
			days_to_hire: median(r.to_hire, r.to_hire_people)
		}
	};
}

function toAnnexGroup(r: AnnexRowOut): AnnexGroup {
	const { people, left, follow_up, has_profile, ...p } = r;
	return {
		people,
		left,
		followUpEmployed: follow_up,
		profile: has_profile ? profileOf(p) : null
	};
}

const NO_EVENTS: PeriodEvents['measures'] = {
	orientation_training: count(0),
	internships_started: count(0),
	hires: count(0),
	closures: count(0),
	employed_six_months: count(0),
	orientation_hours: measure(0, 0),
	internship_months: measure(0, 0)
};

/** Every indicator of a scope; a scope with nobody in it has the figures of an empty set. */
export function scopeMeasures(
	aggregates: MonitoringAggregates,
	dim: ScopeMeasures['dim'],
	key: string
): Record<Indicator, Measure> {
	const found = aggregates.scopes.find((s) => s.dim === dim && s.key === key);
	return (
		found?.measures ?? {
			people_in_charge: count(0),
			active_pathways: count(0),
			...NO_EVENTS,
			days_to_internship: median(null, 0),
			days_to_hire: median(null, 0)
		}
	);
}

/**
 * The trend: each period's figures, as compute.ts `measureAll` gives them for that period.
 * Periods are aligned, so "taken in charge by the period's end" is "in a period that does not
 * start after it", and "closed on or after its start" is "in a period that does not start before".
 */
export function trendOfAggregates(
	aggregates: MonitoringAggregates,
	periods: readonly Period[]
): Record<Indicator, Measure>[] {
	const events = new Map(aggregates.periods.map((p) => [p.start, p.measures]));
	const days = new Map(aggregates.days.map((d) => [`${d.kind}:${d.start}`, d.median]));
	return periods.map(({ start }) => {
		let inCharge = 0;
		let active = 0;
		for (const span of aggregates.spans) {
			if (span.takenIn === start) inCharge += span.people;
			if (span.takenIn <= start && (span.closedIn === null || span.closedIn >= start)) {
				active += span.people;
			}
		}
		return {
			people_in_charge: count(inCharge),
			active_pathways: count(active),
			...(events.get(start) ?? NO_EVENTS),
			days_to_internship: days.get(`internship:${start}`) ?? median(null, 0),
			days_to_hire: days.get(`hire:${start}`) ?? median(null, 0)
		};
	});
}

/** People per category (code '' when the event does not say), as compute.ts `peopleBy`. */
export function categoryMeasures(
	aggregates: MonitoringAggregates,
	of: MonitoringAggregates['categories'][number]['of']
): Map<string, Measure> {
	return new Map(
		aggregates.categories.filter((c) => c.of === of).map((c) => [c.code, count(c.people)])
	);
}
