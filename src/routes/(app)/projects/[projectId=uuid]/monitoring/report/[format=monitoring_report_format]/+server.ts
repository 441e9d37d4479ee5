import { PERIOD_KINDS, type PeriodKind } from '$lib/monitoring/indicators';
import { toCsv } from '$lib/server/export/csv';
import { parseFormat, renderFile } from '$lib/server/export/formats';
import { fileResponse } from '$lib/server/export/file-response';
import { runEndpoint } from '$lib/server/http/run-endpoint';
import {
	REPORT_CSV_COLUMNS,
	monitoringReport,
	reportDocument,
	reportFigures
} from '$lib/server/monitoring/report';
import type { RequestHandler } from './$types';

const periodKindOf = (value: string | null): PeriodKind =>
	(PERIOD_KINDS as readonly string[]).includes(value ?? '') ? (value as PeriodKind) : 'year';

/** The monitoring report as DOCX or PDF (shared export writers) or as the CSV of its tables. */
export const GET: RequestHandler = ({ locals, params, url }) =>
	runEndpoint(async () => {
		const periodKind = periodKindOf(url.searchParams.get('period'));
		const report = await monitoringReport(locals.ctx, params.projectId, periodKind);
		if (params.format === 'csv') {
			return new Response(toCsv(REPORT_CSV_COLUMNS, reportFigures(report.tables)), {
				headers: {
					'content-type': 'text/csv; charset=utf-8',
					'content-disposition': 'attachment; filename="rapporto-monitoraggio.csv"',
					'cache-control': 'private, no-store'
				}
			});
		}
		return fileResponse(
			await renderFile(
				parseFormat(params.format),
				reportDocument(report, periodKind),
				`rapporto-monitoraggio-${periodKind}`
			)
		);
	});
