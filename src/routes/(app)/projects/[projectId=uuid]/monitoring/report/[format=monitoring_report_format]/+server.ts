import { PERIOD_KINDS, type PeriodKind } from '$lib/monitoring/indicators';
import { toCsv } from '$lib/server/export/csv';
import { parseFormat } from '$lib/server/export/formats';
import { fileResponse } from '$lib/server/export/file-response';
import { authorize } from '$lib/server/access/policy';
import { InvalidError, UnauthorizedError } from '$lib/server/errors';
import { startJob } from '$lib/server/export/jobs';
import { runEndpoint } from '$lib/server/http/run-endpoint';
import { exportMonitoringReport } from '$lib/server/monitoring/report-file';
import { REPORT_CSV_COLUMNS, monitoringReport, reportFigures } from '$lib/server/monitoring/report';
import type { RequestHandler } from './$types';

const periodKindOf = (value: string | null): PeriodKind =>
	(PERIOD_KINDS as readonly string[]).includes(value ?? '') ? (value as PeriodKind) : 'year';

/**
 * GET: the monitoring report as DOCX or PDF (figures, cronoprogramma, traceability; what the
 * job builds, while the request waits, so a plain link works) or as the CSV of its tables.
 */
export const GET: RequestHandler = ({ locals, params, url }) =>
	runEndpoint(async () => {
		const periodKind = periodKindOf(url.searchParams.get('period'));
		if (params.format === 'csv') {
			const report = await monitoringReport(locals.ctx, params.projectId, periodKind);
			return new Response(toCsv(REPORT_CSV_COLUMNS, reportFigures(report.tables)), {
				headers: {
					'content-type': 'text/csv; charset=utf-8',
					'content-disposition': 'attachment; filename="rapporto-monitoraggio.csv"',
					'cache-control': 'private, no-store'
				}
			});
		}
		return fileResponse(
			await exportMonitoringReport(locals.ctx, {
				projectId: params.projectId,
				format: parseFormat(params.format),
				periodKind
			})
		);
	});

/**
 * POST: the full report (figures with bars, cronoprogramma, traceability) as a DOCX or PDF
 * export job; answers 202 with the addresses to poll and to download (ADR 0058). Who may read
 * the dashboard may take its report: the policy is asked before the job starts, and again by
 * the reads inside it.
 */
export const POST: RequestHandler = ({ locals, params, url }) =>
	runEndpoint(
		async () => {
			if (!locals.actor) throw new UnauthorizedError();
			const { projectId } = params;
			await authorize(locals.ctx.db, locals.ctx.actor, 'monitoring.read', { projectId });
			if (params.format === 'csv') throw new InvalidError('monitoring_report_job_format');
			const format = parseFormat(params.format);
			const periodKind = periodKindOf(url.searchParams.get('period'));
			const ctx = locals.ctx;
			const job = await startJob(ctx.db, locals.actor.id, (reporter) =>
				exportMonitoringReport(ctx, { projectId, format, periodKind }, reporter)
			);
			const base = url.pathname.replace(/\/[^/]+$/, '');
			return {
				...job,
				statusUrl: `${base}/jobs/${job.id}`,
				downloadUrl: `${base}/jobs/${job.id}?download=1`
			};
		},
		{ status: 202 }
	);
