import type { ActionArea } from '../proposals/action-block';
import type { CaseEventKindValue } from '../cases/case-values';

/**
 * The cronoprogramma as lived: the planned action × month grid of the proposal beside what
 * happened. Pure (dates are ISO strings, no time zone), so the delay rules are unit-tested.
 */

/** Where a sign of work comes from. */
export const EVIDENCE_SOURCES = ['mark', 'meeting', 'lab_session', 'pathway'] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

/**
 * Which kind of work a pathway event shows (001's four areas). Intake, assessment and the
 * agreement are the educational accompaniment; orientation and courses the training area;
 * internships, their tutoring and hires the experiential one. Referrals, notes, closures and
 * follow-ups are not activities. The project's own area of that kind is found by
 * `areasForWork` (ADR 0197).
 */
export const PATHWAY_WORK: Partial<Record<CaseEventKindValue, ActionArea>> = {
	intake: 'educativa',
	assessment: 'educativa',
	agreement: 'educativa',
	orientation: 'formativa_orientativa',
	course: 'formativa_orientativa',
	internship: 'esperienziale',
	tutoring: 'esperienziale',
	hire: 'esperienziale'
};

/**
 * Meetings of the bodies are governance (community work when no action has a governance area);
 * lab sessions are community work.
 */
export const MEETING_WORK: ActionArea = 'governance';
export const LAB_WORK: ActionArea = 'comunita';

/**
 * One dated sign that work was done: for one action (a coordinator's mark, `actionId`) or for
 * every action of an area (a meeting, a lab session, a pathway event, `area`).
 */
export interface Evidence {
	/** `YYYY-MM-DD` (any day of the month will do). */
	on: string;
	source: EvidenceSource;
	actionId?: string;
	/** A key of the project's areas, as the actions use it. */
	area?: string | null;
}

export interface PlannedRow {
	actionId: string;
	title: string;
	area: string | null;
	/** months[i] is month i + 1 of the project. */
	months: boolean[];
}

/**
 * - `done`: planned and something was done;
 * - `extra`: done in a month the plan did not foresee;
 * - `late`: planned, the month is over and nothing was done (a delay);
 * - `current`: planned for the month under way, nothing yet (not late until the month ends);
 * - `planned`: planned for a month to come;
 * - `none`: neither planned nor done.
 */
export type CellState = 'done' | 'extra' | 'late' | 'current' | 'planned' | 'none';

export interface LivedCell {
	month: number;
	state: CellState;
	/** What showed the work, in EVIDENCE_SOURCES order; empty when nothing did. */
	sources: EvidenceSource[];
	/** Whether the coordinator marked it done by hand (the mark can be taken back). */
	marked: boolean;
}

export interface LivedRow {
	actionId: string;
	title: string;
	area: string | null;
	cells: LivedCell[];
	/** Planned months gone by with nothing done. */
	delays: number;
}

export interface LivedMonth {
	month: number;
	/** `YYYY-MM`. */
	yearMonth: string;
	isCurrent: boolean;
}

export interface LivedCronoprogramma {
	months: LivedMonth[];
	rows: LivedRow[];
	/** The project month of `today`: ≤ 0 before the start, > the duration after the end. */
	currentMonth: number;
}

function yearMonthParts(iso: string): [number, number] {
	const [year, month] = iso.split('-').map(Number);
	return [year, month];
}

/** Project month of a date: 1 is the calendar month the project starts in, whatever its day. */
export function projectMonth(startsOn: string, on: string): number {
	const [y1, m1] = yearMonthParts(startsOn);
	const [y2, m2] = yearMonthParts(on);
	return (y2 - y1) * 12 + (m2 - m1) + 1;
}

/** `YYYY-MM` of project month `month`. */
export function yearMonthOf(startsOn: string, month: number): string {
	const [year, m] = yearMonthParts(startsOn);
	const index = year * 12 + (m - 1) + (month - 1);
	return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function stateOf(planned: boolean, done: boolean, month: number, current: number): CellState {
	if (done) return planned ? 'done' : 'extra';
	if (!planned) return 'none';
	if (month < current) return 'late';
	return month === current ? 'current' : 'planned';
}

/** The planned grid with, per cell, what was done and whether it is late on `today`. */
export function livedCronoprogramma(input: {
	planned: readonly PlannedRow[];
	durationMonths: number;
	startsOn: string;
	today: string;
	evidence: readonly Evidence[];
}): LivedCronoprogramma {
	const { planned, durationMonths, startsOn, today } = input;
	const currentMonth = projectMonth(startsOn, today);
	// month → source set, per action and per area; evidence outside the project is ignored.
	const byAction = new Map<string, Map<number, Set<EvidenceSource>>>();
	const byArea = new Map<string, Map<number, Set<EvidenceSource>>>();
	const note = <K>(index: Map<K, Map<number, Set<EvidenceSource>>>, key: K, e: Evidence) => {
		const month = projectMonth(startsOn, e.on);
		if (month < 1 || month > durationMonths) return;
		const months = index.get(key) ?? new Map<number, Set<EvidenceSource>>();
		index.set(key, months);
		const sources = months.get(month) ?? new Set<EvidenceSource>();
		months.set(month, sources);
		sources.add(e.source);
	};
	for (const e of input.evidence) {
		if (e.actionId) note(byAction, e.actionId, e);
		else if (e.area) note(byArea, e.area, e);
	}
	const months: LivedMonth[] = Array.from({ length: durationMonths }, (_, i) => ({
		month: i + 1,
		yearMonth: yearMonthOf(startsOn, i + 1),
		isCurrent: i + 1 === currentMonth
	}));
	const rows = planned.map((row): LivedRow => {
		const own = byAction.get(row.actionId);
		const area = row.area ? byArea.get(row.area) : undefined;
		const cells = months.map(({ month }): LivedCell => {
			const found = new Set([...(own?.get(month) ?? []), ...(area?.get(month) ?? [])]);
			const sources = EVIDENCE_SOURCES.filter((s) => found.has(s));
			const isPlanned = row.months[month - 1] ?? false;
			return {
				month,
				state: stateOf(isPlanned, sources.length > 0, month, currentMonth),
				sources,
				marked: found.has('mark')
			};
		});
		return {
			actionId: row.actionId,
			title: row.title,
			area: row.area,
			cells,
			delays: cells.filter((c) => c.state === 'late').length
		};
	});
	return { months, rows, currentMonth };
}
