import { parsePeriodKind } from '$lib/monitoring/indicators';
import { InvalidError, type FieldIssues } from '$lib/server/errors';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { reportContents } from '$lib/server/monitoring/report-csv';
import { parseReportRange, resolveReportRange } from '$lib/server/monitoring/report-range';
import type { ReportRangeInput } from '$lib/monitoring/report-range';
import type { PageServerLoad } from './$types';

/**
 * The report's page: its charts (`?period=`, by month unless asked) for the project's life or
 * the days of `?from=&to=` (ADR 0202), the downloads, and each table as CSV. Whoever may read the
 * dashboard may take its report (monitoring.read, asked by the reads). A range that does not
 * hold is shown back with its errors, and the report stays the whole project's.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const period = parsePeriodKind(url.searchParams.get('period'), 'month');
	let input: ReportRangeInput = { from: null, to: null };
	let rangeIssues: FieldIssues = {};
	try {
		input = parseReportRange(url);
	} catch (caught) {
		if (!(caught instanceof InvalidError)) throw caught;
		rangeIssues = caught.issues;
	}
	const typed = {
		from: url.searchParams.get('from') ?? '',
		to: url.searchParams.get('to') ?? ''
	};
	return loadOrError(async () => {
		const range = await resolveReportRange(locals.ctx.db, params.projectId, input);
		const { charts, tables } = await reportContents(locals.ctx, params.projectId, period, range);
		return {
			period,
			range,
			typed,
			rangeIssues,
			charts,
			tables: tables.map(({ id, title }) => ({ id, title }))
		};
	});
};
