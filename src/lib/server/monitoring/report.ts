import { eq } from 'drizzle-orm';
import { m } from '../../paraglide/messages';
import { getLocale } from '../../paraglide/runtime';
import { esfLabel } from '../../monitoring/esf';
import { ANNEX_GENDERS, annexRowLabel } from '../../monitoring/esf-annex';
import {
	INDICATORS,
	indicatorLabel,
	periodKindLabel,
	type PeriodKind
} from '../../monitoring/indicators';
import { formatCount } from '../../monitoring/chart-data';
import { reportCharts, type ReportChart } from '../../monitoring/report-charts';
import { rangeLabel, type DayRange } from '../../monitoring/report-range';
import type { Ctx } from '../context';
import { project } from '../db/schema';
import type { Block, ExportDocument } from '../export/document-model';
import { plain } from '../export/document-model';
import { dashboard, type Dashboard, type DashboardRow } from './dashboard';
import { extrasSections, type ReportExtras } from './report-sections';
import type { Cell } from './compute';

/**
 * The monitoring report: the dashboard's tables as one document (DOCX / PDF through the shared
 * export writers) and as one CSV. Figures only, with the reader's small-cell suppression: the
 * report never shows more than the dashboard would.
 */

export interface ReportTable {
	/** Stable code, the CSV's `tabella` column. */
	id: string;
	title: string;
	/** Column headers; the first is the row header's. */
	columns: string[];
	rows: { label: string; cells: Cell[] }[];
	/** In documents only: the index of a cell in whole percent, drawn as a bar after the row's cells. */
	bar?: number;
	/** With `bar`: the figure a full bar stands for (the cell is then a figure, not a percent). */
	barMax?: number;
}

/** Ten squares at most, one per tenth of a target reached; a plus when it is passed. */
export function barText(percent: number | null): string {
	if (percent === null) return '—';
	const squares = Math.round(Math.min(Math.max(percent, 0), 100) / 10);
	return '■'.repeat(squares) + (percent > 100 ? '+' : '') || '·';
}

/** A figure as text: the number, "< 3" when withheld, a dash when there is none. */
export function cellText(cell: Cell): string {
	if (cell.suppressed) return m.monitoring_suppressed();
	return cell.value === null ? '—' : formatCount(cell.value);
}

const cellOf = (value: number): Cell => ({ value, suppressed: false });

/** A chart as a document table: its data, and a bar of squares on one series. */
export function chartTable(chart: ReportChart): ReportTable {
	return {
		id: chart.id,
		title: chart.title,
		columns: [chart.rowHeader, ...chart.series.map((s) => s.label)],
		rows: chart.rows.map((row) => ({
			label: row.label,
			cells: chart.series.map((s) => row.values[s.key] ?? { value: null, suppressed: false })
		})),
		bar: chart.series.findIndex((s) => s.key === chart.barSeries),
		barMax: chart.barMax
	};
}

/** Every table of the dashboard, in the order the page shows them. */
export function reportTables(d: Dashboard): ReportTable[] {
	const indicatorColumns = INDICATORS.map(indicatorLabel);
	const byIndicator = (rows: readonly DashboardRow[]) =>
		rows.map((row) => ({ label: row.label, cells: INDICATORS.map((i) => row.cells[i]) }));
	const categories = (
		id: string,
		title: string,
		header: string,
		rows: Dashboard['hiresByContract']
	) => ({
		id,
		title,
		columns: [header, m.monitoring_people()],
		rows: rows.map((row) => ({ label: row.label, cells: [row.cell] }))
	});
	const [peopleReached, byOrganisationChart, byTerritoryChart] = reportCharts(d).map(chartTable);
	return [
		{
			id: 'totali',
			title: m.monitoring_totals(),
			columns: [m.monitoring_indicator(), m.monitoring_actual()],
			rows: INDICATORS.map((i) => ({ label: indicatorLabel(i), cells: [d.totals[i]] }))
		},
		{
			id: 'obiettivi',
			title: m.monitoring_targets_table(),
			columns: [
				m.monitoring_indicator(),
				m.monitoring_target(),
				m.monitoring_actual(),
				m.monitoring_progress()
			],
			rows: d.targets.map((t) => ({
				label: `${indicatorLabel(t.indicator)} · ${t.districtName ?? m.monitoring_whole_project()}`,
				cells: [
					cellOf(t.target),
					t.actual,
					t.progress === null ? { value: null, suppressed: false } : cellOf(t.progress)
				]
			})),
			bar: 2
		},
		peopleReached,
		{
			id: 'andamento',
			title: m.monitoring_trend_table({ period: periodKindLabel(d.periodKind) }),
			columns: [m.monitoring_period(), ...indicatorColumns],
			rows: byIndicator(d.trend)
		},
		{
			id: 'per_ente',
			title: m.monitoring_by_organisation(),
			columns: [m.monitoring_organisation(), ...indicatorColumns],
			rows: byIndicator(d.byOrganisation)
		},
		byOrganisationChart,
		{
			id: 'per_ambito',
			title: m.monitoring_by_territory(),
			columns: [m.monitoring_territory(), ...indicatorColumns],
			rows: byIndicator(d.byTerritory)
		},
		byTerritoryChart,
		categories(
			'assunzioni_per_tipo_datore',
			m.monitoring_hires_by_employer_kind(),
			m.monitoring_employer_kind(),
			d.hiresByEmployerKind
		),
		categories(
			'assunzioni_per_contratto',
			m.monitoring_hires_by_contract(),
			m.monitoring_contract(),
			d.hiresByContract
		),
		categories(
			'chiusure_per_motivo',
			m.monitoring_closures_by_reason(),
			m.monitoring_closure_reason(),
			d.closuresByReason
		),
		{
			id: 'fse_allegato_1',
			title: m.monitoring_annex_title(),
			columns: [
				m.monitoring_indicator(),
				m.monitoring_annex_column_total(),
				...ANNEX_GENDERS.map((g) => esfLabel('gender', g))
			],
			rows: d.annex.lines.map((line) => ({
				label: annexRowLabel(line.row),
				cells: [line.total, ...ANNEX_GENDERS.map((g) => line.byGender[g])]
			}))
		}
	];
}

function tableBlock(table: ReportTable): Block {
	const cell = (text: string, header: boolean) => ({
		header,
		colspan: 1,
		rowspan: 1,
		blocks: [{ type: 'paragraph' as const, content: plain(text) }]
	});
	const { bar, barMax } = table;
	const percentOf = (value: number | null) =>
		value === null || barMax === undefined ? value : barMax > 0 ? (value / barMax) * 100 : 0;
	const barOf = (cells: Cell[]) =>
		bar === undefined ? [] : [cell(barText(percentOf(cells[bar]?.value ?? null)), false)];
	return {
		type: 'table',
		rows: [
			{
				header: true,
				cells: [
					...table.columns.map((c) => cell(c, true)),
					...(bar === undefined ? [] : [cell(m.monitoring_report_bar(), true)])
				]
			},
			...table.rows.map((row) => ({
				header: false,
				cells: [
					cell(row.label, true),
					...row.cells.map((c) => cell(cellText(c), false)),
					...barOf(row.cells)
				]
			}))
		]
	};
}

/**
 * The report of a project, or of a from–to range of its days (ADR 0202): reads the dashboard as
 * the reader may see it (monitoring.read).
 */
export async function monitoringReport(
	ctx: Ctx,
	projectId: string,
	periodKind: PeriodKind,
	now?: string,
	range: DayRange | null = null
): Promise<{
	projectTitle: string;
	range: DayRange | null;
	tables: ReportTable[];
	charts: ReportChart[];
	suppressing: boolean;
}> {
	const d = await dashboard(ctx, projectId, periodKind, now, range);
	const [sheet] = await ctx.db
		.select({ title: project.title })
		.from(project)
		.where(eq(project.id, projectId));
	return {
		projectTitle: sheet?.title ?? '',
		range,
		tables: reportTables(d),
		charts: reportCharts(d),
		suppressing: d.suppressing
	};
}

const paragraph = (text: string): Block => ({ type: 'paragraph', content: plain(text) });

export function reportDocument(
	report: Awaited<ReturnType<typeof monitoringReport>>,
	periodKind: PeriodKind,
	generatedAt = new Date(),
	extras?: ReportExtras
): ExportDocument {
	// The cover states the range: in the subtitle, under the title, and among the facts.
	const range = report.range ? rangeLabel(report.range) : null;
	return {
		title: m.monitoring_report_title(),
		subtitle: range ? `${report.projectTitle} · ${range}` : report.projectTitle,
		language: getLocale() === 'en' ? 'en-GB' : 'it-IT',
		facts: [
			{ label: m.monitoring_report_project(), value: report.projectTitle },
			...(range ? [{ label: m.monitoring_report_range_fact(), value: range }] : []),
			{ label: m.monitoring_period_label(), value: periodKindLabel(periodKind) }
		],
		sections: report.tables
			.map((table) => ({
				title: table.title,
				blocks: table.rows.length === 0 ? [paragraph(m.monitoring_no_data())] : [tableBlock(table)]
			}))
			.concat(extras ? extrasSections(extras) : [])
			.concat(
				report.suppressing
					? [
							{
								title: m.monitoring_report_notes(),
								blocks: [paragraph(m.monitoring_suppression_notice())]
							}
						]
					: []
			),
		labels: {
			contents: m.monitoring_report_contents(),
			notes: m.monitoring_report_notes(),
			resolved: '',
			generatedOn: m.monitoring_report_generated(),
			changesLegend: ''
		},
		generatedAt
	};
}
