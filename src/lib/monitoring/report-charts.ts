import { m } from '$lib/paraglide/messages';
import type { Dashboard } from '$lib/server/monitoring/dashboard';
import type { ChartCell } from './chart-data';
import { indicatorLabel, periodKindLabel, type Indicator } from './indicators';

/**
 * The report's charts, one shape for both readers: the report page draws each with
 * `ChartFigure` (LayerChart and its data table), the DOCX / ODT / PDF writers as a table with a
 * bar of squares on `barSeries` (report.ts). Figures come from the dashboard as the reader sees
 * it, so a withheld cell stays withheld in the chart too.
 */
export interface ReportChart {
	/** Stable code: the CSV's `tabella` and the figure's id on the page. */
	id: string;
	title: string;
	rowHeader: string;
	series: { key: string; label: string }[];
	rows: { label: string; values: Record<string, ChartCell> }[];
	/** The series drawn as a bar in documents, and the figure a full bar stands for. */
	barSeries: string;
	barMax: number;
}

type ChartSource = Pick<
	Dashboard,
	'periodKind' | 'trend' | 'byOrganisation' | 'byTerritory' | 'targets' | 'reachedBefore'
>;

const OUTCOMES: readonly Indicator[] = ['internships_started', 'hires', 'employed_six_months'];

const largest = (rows: ReportChart['rows'], key: string) =>
	Math.max(0, ...rows.map((r) => r.values[key]?.value ?? 0));

/**
 * People taken in charge per period and reached so far, against the whole-project target. The
 * running total starts from the people taken in charge before the report's range (none without
 * one) and stops (withheld) from the first withheld figure on, so it never discloses a cell the
 * trend withholds.
 */
function peopleReached(d: ChartSource): ReportChart {
	const target = d.targets.find(
		(t) => t.indicator === 'people_in_charge' && t.districtName === null
	)?.target;
	const before = d.reachedBefore;
	let running: number | null = before.suppressed ? null : (before.value ?? 0);
	const rows = d.trend.map((row) => {
		const cell = row.cells.people_in_charge;
		running =
			running === null || cell.suppressed || cell.value === null ? null : running + cell.value;
		return {
			label: row.period,
			values: {
				in_period: cell,
				reached: { value: running, suppressed: false },
				target: { value: target ?? null, suppressed: false }
			}
		};
	});
	return {
		id: 'grafico_persone_raggiunte',
		title: m.monitoring_chart_people_reached({ period: periodKindLabel(d.periodKind) }),
		rowHeader: m.monitoring_period(),
		series: [
			{ key: 'in_period', label: m.monitoring_chart_people_in_period() },
			{ key: 'reached', label: m.monitoring_chart_people_so_far() },
			{ key: 'target', label: m.monitoring_target() }
		],
		rows,
		barSeries: 'reached',
		barMax: target ?? largest(rows, 'reached')
	};
}

function outcomesBy(
	id: string,
	title: string,
	rowHeader: string,
	source: Dashboard['byOrganisation']
): ReportChart {
	const rows = source.map((row) => ({
		label: row.label,
		values: Object.fromEntries(OUTCOMES.map((i) => [i, row.cells[i]]))
	}));
	return {
		id,
		title,
		rowHeader,
		series: OUTCOMES.map((i) => ({ key: i, label: indicatorLabel(i) })),
		rows,
		barSeries: 'hires',
		barMax: largest(rows, 'hires')
	};
}

export function reportCharts(d: ChartSource): ReportChart[] {
	return [
		peopleReached(d),
		outcomesBy(
			'grafico_esiti_per_ente',
			m.monitoring_chart_outcomes_by_organisation(),
			m.monitoring_organisation(),
			d.byOrganisation
		),
		outcomesBy(
			'grafico_esiti_per_ambito',
			m.monitoring_chart_outcomes_by_territory(),
			m.monitoring_territory(),
			d.byTerritory
		)
	];
}
