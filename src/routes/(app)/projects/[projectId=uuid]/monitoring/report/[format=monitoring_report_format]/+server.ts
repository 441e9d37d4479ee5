import { parsePeriodKind } from '$lib/monitoring/indicators';
import { parseFormat } from '$lib/server/export/formats';
import { fileResponse } from '$lib/server/export/file-response';
import { authorize } from '$lib/server/access/policy';
import { InvalidError, UnauthorizedError } from '$lib/server/errors';
import { startJob } from '$lib/server/export/jobs';
import { runEndpoint } from '$lib/server/http/run-endpoint';
import { exportMonitoringReport } from '$lib/server/monitoring/report-file';
import { reportContents, reportCsv } from '$lib/server/monitoring/report-csv';
import { parseReportRange, resolveReportRange } from '$lib/server/monitoring/report-range';
import type { Ctx } from '$lib/server/context';
import type { RequestHandler } from './$types';

/** `?from=&to=` checked (400 with translated issues otherwise) and resolved (ADR 0202). */
const rangeOf = (ctx: Ctx, projectId: string, url: URL) =>
	resolveReportRange(ctx.db, projectId, parseReportRange(url));

/**
 * GET: the monitoring report as DOCX, ODT or PDF (figures, charts, cronoprogramma,
 * traceability, decisions, good practices; what the job builds, while the request waits, so a
 * plain link works) or as CSV: every table, or one with `?table=<code>`; of the project's life
 * or of the days `?from=&to=`.
 */
export const GET: RequestHandler = ({ locals, params, url }) =>
	runEndpoint(async () => {
		const periodKind = parsePeriodKind(url.searchParams.get('period'));
		const range = await rangeOf(locals.ctx, params.projectId, url);
		if (params.format === 'csv') {
			const tableId = url.searchParams.get('table');
			const { tables } = await reportContents(locals.ctx, params.projectId, periodKind, range);
			const body = reportCsv(tables, tableId);
			const days = range ? `-${range.from}_${range.to}` : '';
			const name = `rapporto-monitoraggio${tableId ? `-${tableId}` : ''}${days}`;
			return new Response(body, {
				headers: {
					'content-type': 'text/csv; charset=utf-8',
					'content-disposition': `attachment; filename="${name}.csv"`,
					'cache-control': 'private, no-store'
				}
			});
		}
		return fileResponse(
			await exportMonitoringReport(locals.ctx, {
				projectId: params.projectId,
				format: parseFormat(params.format),
				periodKind,
				range
			})
		);
	});

/**
 * POST: the full report (figures with bars, cronoprogramma, traceability…) as a DOCX, ODT or PDF
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
			const periodKind = parsePeriodKind(url.searchParams.get('period'));
			const ctx = locals.ctx;
			const range = await rangeOf(ctx, projectId, url);
			const job = await startJob(ctx.db, locals.actor.id, (reporter) =>
				exportMonitoringReport(ctx, { projectId, format, periodKind, range }, reporter)
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
