import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { formatDate } from '$lib/format/dates';

/** A report's days, both inclusive (ISO dates, compared as strings). */
export interface DayRange {
	from: string;
	to: string;
}

const optionalDay = z
	.union([z.iso.date({ error: () => m.monitoring_report_range_day_invalid() }), z.literal('')])
	.optional()
	.transform((value) => value || null);

/**
 * The report's from–to range from the query string (`?from=&to=`): either may be left out (the
 * project's first day, today), and `from` may not come after `to`. Browser-safe: the page's form
 * and the server read the same rules.
 */
export const reportRangeForm = z
	.object({ from: optionalDay, to: optionalDay })
	.refine((r) => !r.from || !r.to || r.from <= r.to, {
		path: ['to'],
		error: () => m.monitoring_report_range_invalid()
	});

export type ReportRangeInput = z.infer<typeof reportRangeForm>;

/** The range back as query parameters (empty ones left out), for the downloads' links. */
export function rangeQuery(range: ReportRangeInput): string {
	const params = new URLSearchParams();
	if (range.from) params.set('from', range.from);
	if (range.to) params.set('to', range.to);
	return params.toString();
}

/** "Dal 01/01/2025 al 31/03/2025": the range as the report's cover and page state it. */
export const rangeLabel = (range: DayRange): string =>
	m.monitoring_report_range_label({ from: formatDate(range.from), to: formatDate(range.to) });
