import type { PeriodKind } from '../../monitoring/indicators';
import type { DayRange } from '../../monitoring/report-range';
import type { Ctx } from '../context';
import { renderFile, type ExportFormat, type RenderedFile } from '../export/formats';
import type { JobReporter } from '../export/jobs';
import { monitoringReport, reportDocument } from './report';
import { reportExtras } from './report-sections';

/** `rapporto-monitoraggio-year`, with the range's days when it has one. */
export const reportFileName = (periodKind: PeriodKind, range: DayRange | null): string =>
	`rapporto-monitoraggio-${periodKind}${range ? `-${range.from}_${range.to}` : ''}`;

/** Reading steps a job reports: the dashboard's figures, then cronoprogramma and traceability. */
const READING_STEPS = 2;

/**
 * The whole monitoring report (figures, cronoprogramma, traceability) as a DOCX or PDF,
 * reporting progress to an export job when there is one (as the proposal export does).
 */
export async function exportMonitoringReport(
	ctx: Ctx,
	input: {
		projectId: string;
		format: ExportFormat;
		periodKind: PeriodKind;
		range?: DayRange | null;
	},
	reporter?: JobReporter
): Promise<RenderedFile> {
	reporter?.progress('reading', 0, READING_STEPS);
	const range = input.range ?? null;
	const report = await monitoringReport(ctx, input.projectId, input.periodKind, undefined, range);
	reporter?.progress('reading', 1, READING_STEPS);
	const extras = await reportExtras(ctx, input.projectId, range);
	reporter?.progress('reading', READING_STEPS, READING_STEPS);
	const document = reportDocument(report, input.periodKind, new Date(), extras);
	const total = document.sections.length;
	reporter?.progress('rendering', 0, total);
	const file = await renderFile(
		input.format,
		document,
		reportFileName(input.periodKind, range),
		(done) => reporter?.progress('rendering', done, total)
	);
	reporter?.progress('rendering', total, total);
	return file;
}
