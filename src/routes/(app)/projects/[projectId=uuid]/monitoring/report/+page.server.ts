import { parsePeriodKind } from '$lib/monitoring/indicators';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { reportContents } from '$lib/server/monitoring/report-csv';
import type { PageServerLoad } from './$types';

/**
 * The report's page: its charts (`?period=`, by month unless asked), the downloads, and each
 * table as CSV. Whoever may read the dashboard may take its report (monitoring.read, asked by
 * the reads).
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const period = parsePeriodKind(url.searchParams.get('period'), 'month');
	const { charts, tables } = await loadOrError(() =>
		reportContents(locals.ctx, params.projectId, period)
	);
	return { period, charts, tables: tables.map(({ id, title }) => ({ id, title })) };
};
