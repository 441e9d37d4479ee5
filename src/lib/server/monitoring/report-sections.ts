import { romeToday } from '../../governance/rome-time';
import { m } from '../../paraglide/messages';
import { formatCount } from '../../monitoring/chart-data';
import { gapLabel } from '../../monitoring/trace-labels';
import type { CellState, LivedCronoprogramma } from '../../monitoring/cronoprogramma-lived';
import type { ObjectiveThread } from '../../monitoring/traceability';
import type { Ctx } from '../context';
import type { Block } from '../export/document-model';
import { plain } from '../export/document-model';
import { livedOf, projectStart, proposalsOf } from './cronoprogramma';
import { traceabilityView, type TraceabilityView } from './traceability';
import { reportRecords, type ReportRecords } from './report-records';
import type { DayRange } from '../../monitoring/report-range';

/**
 * The report's sections beyond the dashboard's figures: the cronoprogramma, planned beside
 * lived, per action, and the thread from need to outcome. Titles, months and figures only, as
 * their pages show them: no case, no name.
 */

/** A table of text: the first column is each row's header. */
export interface TextTable {
	columns: string[];
	rows: string[][];
}

export interface CronoprogrammaSection {
	proposalTitle: string;
	/** Null when the proposal has no action or the project no start date. */
	table: TextTable | null;
	delayed: number;
	total: number;
}

export interface ReportExtras {
	cronoprogramma: CronoprogrammaSection[];
	traceability: { table: TextTable; gaps: string[] };
	/** The decisions taken and the good practices recorded in the report's range (or up to its day). */
	records: ReportRecords;
}

const PLANNED: readonly CellState[] = ['done', 'late', 'current', 'planned'];
const LIVED: readonly CellState[] = ['done', 'extra'];

/** Project months as short ranges: [1, 2, 3, 6] → "M1–M3, M6"; a dash when there is none. */
export function monthRanges(months: readonly number[]): string {
	const sorted = [...new Set(months)].sort((a, b) => a - b);
	const ranges: string[] = [];
	for (let i = 0; i < sorted.length;) {
		let j = i;
		while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
		ranges.push(i === j ? `M${sorted[i]}` : `M${sorted[i]}–M${sorted[j]}`);
		i = j + 1;
	}
	return ranges.join(', ') || '—';
}

/** Planned vs lived, one row per action: the months of each and the months late. */
export function cronoprogrammaTable(lived: LivedCronoprogramma): TextTable {
	const monthsWhere = (
		cells: LivedCronoprogramma['rows'][number]['cells'],
		states: readonly CellState[]
	) => cells.filter((c) => states.includes(c.state)).map((c) => c.month);
	return {
		columns: [
			m.monitoring_crono_action(),
			m.monitoring_crono_state_planned(),
			m.monitoring_crono_state_done(),
			m.monitoring_crono_delays()
		],
		rows: lived.rows.map((row) => [
			row.title || '—',
			monthRanges(monthsWhere(row.cells, PLANNED)),
			monthRanges(monthsWhere(row.cells, LIVED)),
			formatCount(row.delays)
		])
	};
}

/** Need → objective → actions → indicators (figure against target), one row per objective. */
export function traceabilityTable(view: TraceabilityView): TextTable {
	const indicatorText = (key: string, label: string) => {
		const outcome = view.outcomes[key];
		if (!outcome) return label;
		const actual = outcome.total.suppressed
			? m.monitoring_suppressed()
			: outcome.total.value === null
				? '—'
				: formatCount(outcome.total.value);
		return outcome.target === null
			? `${label}: ${actual}`
			: `${label}: ${m.monitoring_trace_outcome_target({ actual, target: formatCount(outcome.target) })}`;
	};
	const none = m.monitoring_trace_none();
	const row = (need: string, o: ObjectiveThread) => [
		need,
		o.title,
		o.actions.map((a) => a.title).join('; ') || none,
		o.indicators.map((i) => indicatorText(i.key, i.label)).join('; ') || none
	];
	return {
		columns: [
			m.monitoring_trace_need(),
			m.monitoring_trace_objective(),
			m.monitoring_trace_actions(),
			m.monitoring_trace_indicators()
		],
		rows: [
			...view.forward.flatMap((need) =>
				need.objectives.length === 0
					? [[need.title, none, none, none]]
					: need.objectives.map((o) => row(need.title, o))
			),
			...view.unrooted.map((o) => row(none, o))
		]
	};
}

/**
 * Reads the sections as the reader may see them (traceabilityView asks monitoring.read, the
 * registers governance.read and lab.read), up to `until` (today by default).
 */
export async function reportExtras(
	ctx: Ctx,
	projectId: string,
	range: DayRange | null = null
): Promise<ReportExtras> {
	const days = range ? { since: range.from, until: range.to } : { since: null, until: romeToday() };
	const view = await traceabilityView(ctx, projectId);
	const startsOn = await projectStart(ctx.db, projectId);
	const cronoprogramma: CronoprogrammaSection[] = [];
	for (const p of await proposalsOf(ctx.db, projectId)) {
		const lived = startsOn ? await livedOf(ctx.db, projectId, p.id, startsOn) : null;
		cronoprogramma.push({
			proposalTitle: p.title,
			table: lived ? cronoprogrammaTable(lived) : null,
			delayed: lived?.rows.filter((r) => r.delays > 0).length ?? 0,
			total: lived?.rows.length ?? 0
		});
	}
	return {
		cronoprogramma,
		traceability: {
			table: traceabilityTable(view),
			gaps: view.gaps.map((gap) => `${gapLabel(gap.kind)}: ${gap.title}`)
		},
		records: await reportRecords(ctx, projectId, days)
	};
}

const paragraph = (text: string): Block => ({ type: 'paragraph', content: plain(text) });

export function textTableBlock(table: TextTable): Block {
	const cell = (text: string, header: boolean) => ({
		header,
		colspan: 1,
		rowspan: 1,
		blocks: [paragraph(text)]
	});
	return {
		type: 'table',
		rows: [
			{ header: true, cells: table.columns.map((c) => cell(c, true)) },
			...table.rows.map((row) => ({
				header: false,
				cells: row.map((text, i) => cell(text, i === 0))
			}))
		]
	};
}

/** A register's table, or a line saying it is empty. */
const tableOrNone = (table: TextTable, none: string): Block =>
	table.rows.length === 0 ? paragraph(none) : textTableBlock(table);

/** The sections as document sections, after the dashboard's tables. */
export function extrasSections(extras: ReportExtras): { title: string; blocks: Block[] }[] {
	const crono: Block[] =
		extras.cronoprogramma.length === 0
			? [paragraph(m.monitoring_crono_no_proposal())]
			: extras.cronoprogramma.flatMap((section) => [
					{
						type: 'heading' as const,
						level: 3,
						content: plain(`${m.monitoring_crono_proposal()}: ${section.proposalTitle}`)
					},
					...(section.table
						? [
								paragraph(
									m.monitoring_report_crono_delayed({
										delayed: section.delayed,
										total: section.total
									})
								),
								textTableBlock(section.table)
							]
						: [paragraph(m.monitoring_crono_no_actions())])
				]);
	const trace = extras.traceability;
	return [
		{
			title: m.monitoring_report_decisions(),
			blocks: [tableOrNone(extras.records.decisions, m.monitoring_report_decisions_none())]
		},
		{
			title: m.monitoring_report_practices(),
			blocks: [tableOrNone(extras.records.practices, m.monitoring_report_practices_none())]
		},
		{ title: m.monitoring_crono_title(), blocks: crono },
		{
			title: m.monitoring_trace_title(),
			blocks: [
				trace.table.rows.length === 0
					? paragraph(m.monitoring_trace_no_needs())
					: textTableBlock(trace.table),
				{ type: 'heading', level: 3, content: plain(m.monitoring_trace_gaps()) },
				trace.gaps.length === 0
					? paragraph(m.monitoring_trace_gaps_none())
					: { type: 'list', ordered: false, items: trace.gaps.map((g) => [paragraph(g)]) }
			]
		}
	];
}
