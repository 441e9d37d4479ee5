import {
	COUNT_INDICATORS,
	INDICATORS,
	SMALL_CELL,
	SUM_INDICATORS,
	TARGET_INDICATORS,
	type CountIndicator,
	type Indicator,
	type PeriodKind,
	type SumIndicator,
	type TargetIndicator
} from '../../monitoring/indicators';
import type { PathwayEventFact, PathwayEventKind, PathwayPerson } from './pathway-facts';

/**
 * Indicator arithmetic over pathway facts: pure, so that the unit tests check it by hand.
 * Every count is of distinct people; durations are medians of whole days.
 */

export interface Period {
	/** 2025, 2025-Q2, 2025-04 */
	key: string;
	/** Inclusive ISO dates. */
	start: string;
	end: string;
}

/** The whole life of the project: for totals against the targets. */
export const ALL_TIME: Period = { key: 'all', start: '0000-01-01', end: '9999-12-31' };

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The period of a kind that holds an ISO date. */
export function periodOf(date: string, kind: PeriodKind): Period {
	const year = Number(date.slice(0, 4));
	const month = Number(date.slice(5, 7));
	if (kind === 'year') return { key: String(year), start: `${year}-01-01`, end: `${year}-12-31` };
	if (kind === 'month') {
		return {
			key: `${year}-${pad(month)}`,
			start: `${year}-${pad(month)}-01`,
			end: `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`
		};
	}
	const quarter = Math.floor((month - 1) / 3) + 1;
	const first = (quarter - 1) * 3 + 1;
	const last = first + 2;
	return {
		key: `${year}-Q${quarter}`,
		start: `${year}-${pad(first)}-01`,
		end: `${year}-${pad(last)}-${pad(lastDayOfMonth(year, last))}`
	};
}

/** The day after an ISO date. */
function nextDay(date: string): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}

/** Consecutive periods from the one holding `from` to the one holding `to`, at most `limit`. */
export function periodsBetween(from: string, to: string, kind: PeriodKind, limit = 120): Period[] {
	const periods: Period[] = [];
	if (from > to) return periods;
	let current = periodOf(from, kind);
	while (current.start <= to && periods.length < limit) {
		periods.push(current);
		current = periodOf(nextDay(current.end), kind);
	}
	return periods;
}

const within = (date: string | null, period: Period) =>
	date !== null && date >= period.start && date <= period.end;

function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

/** A computed figure and how many people it rests on. */
export interface Measure {
	value: number | null;
	people: number;
}

function hasEventIn(person: PathwayPerson, kinds: readonly string[], period: Period): boolean {
	return person.events.some((e) => kinds.includes(e.kind) && within(e.on, period));
}

function firstOf(person: PathwayPerson, kind: string): string | null {
	return person.events.find((e) => e.kind === kind)?.on ?? null;
}

/** Whether a person counts for a count indicator in a period. */
export function counts(person: PathwayPerson, indicator: Indicator, period: Period): boolean {
	switch (indicator) {
		case 'people_in_charge':
			return within(person.takenInChargeOn, period);
		case 'active_pathways':
			return (
				person.takenInChargeOn !== null &&
				person.takenInChargeOn <= period.end &&
				(person.closedOn === null || person.closedOn >= period.start)
			);
		case 'orientation_training':
			return hasEventIn(person, ['orientation', 'course'], period);
		case 'internships_started':
			return hasEventIn(person, ['internship'], period);
		case 'hires':
			return hasEventIn(person, ['hire'], period);
		case 'closures':
			return hasEventIn(person, ['closure'], period);
		case 'employed_six_months':
			return person.events.some(
				(e) => e.kind === 'follow_up' && e.employed === true && within(e.on, period)
			);
		default:
			return false;
	}
}

/** Days from taking in charge to the first event of a kind, when that falls in the period. */
function daysTo(person: PathwayPerson, kind: string, period: Period): number | null {
	const first = firstOf(person, kind);
	if (!first || !person.takenInChargeOn || !within(first, period)) return null;
	if (first < person.takenInChargeOn) return null;
	return daysBetween(person.takenInChargeOn, first);
}

/** Which event field each sum adds up. */
const SUMMED: Record<SumIndicator, { kind: PathwayEventKind; field: 'hours' | 'months' }> = {
	orientation_hours: { kind: 'orientation', field: 'hours' },
	internship_months: { kind: 'internship', field: 'months' }
};

const isSumIndicator = (indicator: string): indicator is SumIndicator =>
	(SUM_INDICATORS as readonly string[]).includes(indicator);

/** A sum over the events of the period, resting on the people who have at least one. */
function sumOf(people: readonly PathwayPerson[], indicator: SumIndicator, period: Period): Measure {
	const { kind, field } = SUMMED[indicator];
	let value = 0;
	let n = 0;
	for (const person of people) {
		let counted = false;
		for (const e of person.events) {
			const amount = e[field];
			if (e.kind !== kind || amount === undefined || !within(e.on, period)) continue;
			value += amount;
			counted = true;
		}
		if (counted) n += 1;
	}
	return { value, people: n };
}

export function measure(
	people: readonly PathwayPerson[],
	indicator: Indicator,
	period: Period
): Measure {
	if (isSumIndicator(indicator)) return sumOf(people, indicator, period);
	if (indicator === 'days_to_internship' || indicator === 'days_to_hire') {
		const kind = indicator === 'days_to_internship' ? 'internship' : 'hire';
		const days = people.map((p) => daysTo(p, kind, period)).filter((d): d is number => d !== null);
		return { value: median(days), people: days.length };
	}
	let n = 0;
	for (const person of people) if (counts(person, indicator, period)) n += 1;
	return { value: n, people: n };
}

export function measureAll(
	people: readonly PathwayPerson[],
	period: Period
): Record<Indicator, Measure> {
	return Object.fromEntries(
		INDICATORS.map((indicator) => [indicator, measure(people, indicator, period)])
	) as Record<Indicator, Measure>;
}

/** What a page may show of a measure. */
export interface Cell {
	value: number | null;
	/** True when the figure rests on 1–2 people and the reader is not an operator. */
	suppressed: boolean;
}

/**
 * Small-cell suppression: a figure resting on fewer than SMALL_CELL people (but more than none)
 * is withheld from non-operators, so nobody is recognisable. Zero is shown: it names nobody.
 */
export function suppress(m: Measure, operator: boolean): Cell {
	if (!operator && m.people > 0 && m.people < SMALL_CELL) return { value: null, suppressed: true };
	return { value: m.value, suppressed: false };
}

export function cells(
	measures: Record<Indicator, Measure>,
	operator: boolean
): Record<Indicator, Cell> {
	return Object.fromEntries(
		INDICATORS.map((indicator) => [indicator, suppress(measures[indicator], operator)])
	) as Record<Indicator, Cell>;
}

export const isTargetIndicator = (indicator: string): indicator is TargetIndicator =>
	(TARGET_INDICATORS as readonly string[]).includes(indicator);

/** Whether a person lives in a territory: the district of their comune or its parent. */
export const inTerritory = (person: PathwayPerson, districtId: string): boolean =>
	person.districtId === districtId || person.parentDistrictId === districtId;

/**
 * Distinct people per category of an event field in a period: hires by contract or employer
 * kind, closures by reason. A person hired twice on two contracts counts under each (and once
 * under one); events without the field count under ''.
 */
export function peopleBy(
	people: readonly PathwayPerson[],
	kind: PathwayEventKind,
	categoryOf: (event: PathwayEventFact) => string | undefined,
	period: Period = ALL_TIME
): Map<string, Measure> {
	const counted = new Map<string, number>();
	for (const person of people) {
		const categories = new Set<string>();
		for (const e of person.events) {
			if (e.kind === kind && within(e.on, period)) categories.add(categoryOf(e) ?? '');
		}
		for (const c of categories) counted.set(c, (counted.get(c) ?? 0) + 1);
	}
	return new Map([...counted].map(([c, n]) => [c, { value: n, people: n }]));
}

/** Share of a target reached, in whole percent; null when the figure is withheld. */
export function progress(actual: Cell, target: number): number | null {
	if (actual.value === null || target <= 0) return null;
	return Math.round((actual.value / target) * 100);
}

export interface TargetRow {
	id: string;
	indicator: string;
	districtId: string | null;
	target: number;
	note: string;
}

export interface TargetView {
	id: string;
	indicator: TargetIndicator;
	districtId: string | null;
	districtName: string | null;
	target: number;
	note: string;
	actual: Cell;
	/** Whole percent of the target reached; null when the figure is withheld. */
	progress: number | null;
}

/**
 * Each target against the figure since the project started: the whole project's people, or
 * only those of the target's district (or of its sub-districts). Rows naming an indicator Tavolo no longer computes are
 * left out rather than shown as zero.
 */
export function targetViews(
	people: readonly PathwayPerson[],
	rows: readonly TargetRow[],
	territoryNames: ReadonlyMap<string, string>,
	operator: boolean
): TargetView[] {
	return targetViewsOf(
		rows,
		(indicator, districtId) =>
			measure(
				districtId ? people.filter((p) => inTerritory(p, districtId)) : people,
				indicator,
				ALL_TIME
			),
		territoryNames,
		operator
	);
}

/** `targetViews` with the figures given: the whole project's (null) or a territory's, all time. */
export function targetViewsOf(
	rows: readonly TargetRow[],
	measureOf: (indicator: TargetIndicator, districtId: string | null) => Measure,
	territoryNames: ReadonlyMap<string, string>,
	operator: boolean
): TargetView[] {
	return rows
		.filter((row): row is TargetRow & { indicator: TargetIndicator } =>
			isTargetIndicator(row.indicator)
		)
		.map((row) => {
			const actual = suppress(measureOf(row.indicator, row.districtId), operator);
			return {
				id: row.id,
				indicator: row.indicator,
				districtId: row.districtId,
				districtName: row.districtId ? (territoryNames.get(row.districtId) ?? null) : null,
				target: row.target,
				note: row.note,
				actual,
				progress: progress(actual, row.target)
			};
		});
}

/**
 * The same figures as `measureAll` for each of consecutive periods, in one pass over the people
 * (measureAll per period is periods × people × events: too slow by the month over four years).
 * Unit tests hold the two to the same results.
 */
export function trendOf(
	people: readonly PathwayPerson[],
	periods: readonly Period[],
	kind: PeriodKind
): Record<Indicator, Measure>[] {
	const index = new Map(periods.map((p, i) => [p.key, i]));
	const first = periods[0];
	const last = periods.at(-1);
	const slot = (date: string | null): number | undefined =>
		date === null ? undefined : index.get(periodOf(date, kind).key);
	const counts = periods.map(
		() => Object.fromEntries(COUNT_INDICATORS.map((i) => [i, 0])) as Record<CountIndicator, number>
	);
	const days = periods.map(() => ({ internship: [] as number[], hire: [] as number[] }));
	const sums = periods.map(() => ({
		orientation_hours: { value: 0, people: 0 },
		internship_months: { value: 0, people: 0 }
	}));
	if (!first || !last) return [];
	const EVENT_INDICATOR: Record<string, CountIndicator | undefined> = {
		orientation: 'orientation_training',
		course: 'orientation_training',
		internship: 'internships_started',
		hire: 'hires',
		closure: 'closures'
	};
	for (const person of people) {
		const intake = slot(person.takenInChargeOn);
		if (intake !== undefined) counts[intake].people_in_charge += 1;
		if (person.takenInChargeOn !== null && person.takenInChargeOn <= last.end) {
			const from = person.takenInChargeOn < first.start ? 0 : intake!;
			const closed = person.closedOn;
			if (closed === null || closed >= first.start) {
				const to = closed === null || closed > last.end ? periods.length - 1 : slot(closed)!;
				for (let i = from; i <= to; i++) counts[i].active_pathways += 1;
			}
		}
		const seen = new Set<string>();
		let firstInternship: string | null = null;
		let firstHire: string | null = null;
		for (const event of person.events) {
			if (event.kind === 'internship' && firstInternship === null) firstInternship = event.on;
			if (event.kind === 'hire' && firstHire === null) firstHire = event.on;
			for (const sum of SUM_INDICATORS) {
				const { kind: summedKind, field } = SUMMED[sum];
				const amount = event[field];
				const at = event.kind === summedKind && amount !== undefined ? slot(event.on) : undefined;
				if (at === undefined) continue;
				sums[at][sum].value += amount!;
				if (!seen.has(`${sum}:${at}`)) {
					seen.add(`${sum}:${at}`);
					sums[at][sum].people += 1;
				}
			}
			const indicator =
				event.kind === 'follow_up'
					? event.employed
						? 'employed_six_months'
						: undefined
					: EVENT_INDICATOR[event.kind];
			const at = indicator ? slot(event.on) : undefined;
			if (indicator === undefined || at === undefined) continue;
			const key = `${indicator}:${at}`;
			if (seen.has(key)) continue;
			seen.add(key);
			counts[at][indicator] += 1;
		}
		const start = person.takenInChargeOn;
		for (const [date, bucket] of [
			[firstInternship, 'internship'],
			[firstHire, 'hire']
		] as const) {
			const at = slot(date);
			if (at === undefined || start === null || date! < start) continue;
			days[at][bucket].push(daysBetween(start, date!));
		}
	}
	return periods.map((_, i) => {
		const row = Object.fromEntries(
			COUNT_INDICATORS.map((indicator) => [
				indicator,
				{ value: counts[i][indicator], people: counts[i][indicator] }
			])
		) as Record<Indicator, Measure>;
		row.orientation_hours = sums[i].orientation_hours;
		row.internship_months = sums[i].internship_months;
		row.days_to_internship = {
			value: median(days[i].internship),
			people: days[i].internship.length
		};
		row.days_to_hire = { value: median(days[i].hire), people: days[i].hire.length };
		return row;
	});
}
