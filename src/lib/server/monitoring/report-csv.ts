import { m } from '../../paraglide/messages';
import type { PeriodKind } from '../../monitoring/indicators';
import type { ReportChart } from '../../monitoring/report-charts';
import type { DayRange } from '../../monitoring/report-range';
import type { Ctx } from '../context';
import { NotFoundError } from '../errors';
import { toCsv, type CsvCell, type CsvColumn } from '../export/csv';
import { monitoringReport, type ReportTable } from './report';
import { reportExtras, type ReportExtras, type TextTable } from './report-sections';

/**
 * Every table of the monitoring report as CSV (the project's writer: `;`, BOM, CRLF, decimal
 * comma, formula cells neutralised): each table on its own, as its columns, or all of them in one
 * file, one figure per row (`tabella;riga;colonna;valore`).
 */
export interface CsvTable {
	/** Stable code: `?table=` and the long CSV's `tabella` column. */
	id: string;
	title: string;
	columns: string[];
	/** The first cell of each row is its label. */
	rows: CsvCell[][];
}

/** A figure as the CSV holds it: the number, '< 3' when withheld, empty when there is none. */
export function figureTable(table: ReportTable): CsvTable {
	return {
		id: table.id,
		title: table.title,
		columns: table.columns,
		rows: table.rows.map((row) => [
			row.label,
			...row.cells.map((cell) => (cell.suppressed ? '< 3' : (cell.value ?? '')))
		])
	};
}

const textTable = (id: string, title: string, table: TextTable): CsvTable => ({
	id,
	title,
	...table
});

/** The tables beyond the dashboard's: decisions, practices, cronoprogramma, traceability. */
export function extrasTables(extras: ReportExtras): CsvTable[] {
	const crono = extras.cronoprogramma.find((c) => c.table)?.table;
	return [
		textTable('decisioni', m.monitoring_report_decisions(), extras.records.decisions),
		textTable('buone_pratiche', m.monitoring_report_practices(), extras.records.practices),
		{
			id: 'cronoprogramma',
			title: m.monitoring_crono_title(),
			columns: [
				m.monitoring_crono_proposal(),
				...(crono?.columns ?? [m.monitoring_crono_action()])
			],
			rows: extras.cronoprogramma.flatMap((c) =>
				(c.table?.rows ?? []).map((row) => [c.proposalTitle, ...row])
			)
		},
		textTable('tracciabilita', m.monitoring_trace_title(), extras.traceability.table),
		{
			id: 'collegamenti_mancanti',
			title: m.monitoring_trace_gaps(),
			columns: [m.monitoring_trace_gaps()],
			rows: extras.traceability.gaps.map((gap) => [gap])
		}
	];
}

/**
 * The report's charts and all its tables as the reader may see them (monitoring.read, then each
 * register's read), for the project's life or a from–to range of its days.
 */
export async function reportContents(
	ctx: Ctx,
	projectId: string,
	periodKind: PeriodKind,
	range: DayRange | null = null
): Promise<{ charts: ReportChart[]; tables: CsvTable[] }> {
	const report = await monitoringReport(ctx, projectId, periodKind, undefined, range);
	const extras = await reportExtras(ctx, projectId, range);
	return {
		charts: report.charts,
		tables: [...report.tables.map(figureTable), ...extrasTables(extras)]
	};
}

/** One CSV row per figure or text: table, row label, column, value. */
export interface ReportFigure {
	table: string;
	row: string;
	column: string;
	value: CsvCell;
}

export function reportFigures(tables: readonly CsvTable[]): ReportFigure[] {
	return tables.flatMap((table) =>
		table.rows.flatMap((row) =>
			row.slice(1).map((value, i) => ({
				table: table.id,
				row: String(row[0] ?? ''),
				column: table.columns[i + 1],
				value
			}))
		)
	);
}

const REPORT_CSV_COLUMNS: CsvColumn<ReportFigure>[] = [
	{ header: 'tabella', value: (f) => f.table },
	{ header: 'riga', value: (f) => f.row },
	{ header: 'colonna', value: (f) => f.column },
	{ header: 'valore', value: (f) => f.value }
];

/** The CSV of one table (`tableId`), or of every table, one figure per row. */
export function reportCsv(tables: readonly CsvTable[], tableId: string | null): string {
	if (tableId === null) return toCsv(REPORT_CSV_COLUMNS, reportFigures(tables));
	const table = tables.find((t) => t.id === tableId);
	if (!table) throw new NotFoundError('monitoring_report_table_not_found');
	const columns = table.columns.map((header, i) => ({ header, value: (row: CsvCell[]) => row[i] }));
	return toCsv(columns, table.rows);
}
