import type { PeriodKind } from '../../monitoring/indicators';
import type { Ctx } from '../context';
import { renderFile, type ExportFormat, type RenderedFile } from '../export/formats';
import type { JobReporter } from '../export/jobs';
import { monitoringReport, reportDocument } from './report';
import { reportExtras } from './report-sections';

/** Reading steps a job reports: the dashboard's figures, then cronoprogramma and traceability. */
const READING_STEPS = 2;

/**
 * The whole monitoring report (figures, cronoprogramma, traceability) as a DOCX or PDF,
 * reporting progress to an export job when there is one (as the proposal export does).
 */
export async function exportMonitoringReport(
	ctx: Ctx,
	input: { projectId: string; format: ExportFormat; periodKind: PeriodKind },
	reporter?: JobReporter
): Promise<RenderedFile> {
	reporter?.progress('reading', 0, READING_STEPS);
	const report = await monitoringReport(ctx, input.projectId, input.periodKind);
	reporter?.progress('reading', 1, READING_STEPS);
	const extras = await reportExtras(ctx, input.projectId);
	reporter?.progress('reading', READING_STEPS, READING_STEPS);
	const document = reportDocument(report, input.periodKind, new Date(), extras);
	const total = document.sections.length;
	reporter?.progress('rendering', 0, total);
	const file = await renderFile(
		input.format,
		document,
		`rapporto-monitoraggio-${input.periodKind}`,
		(done) => reporter?.progress('rendering', done, total)
	);
	reporter?.progress('rendering', total, total);
	return file;
}
