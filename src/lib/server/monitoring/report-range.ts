import { romeToday } from '../../governance/rome-time';
import { eq, min, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { caseSummary, project } from '../db/schema';
import { validate } from '../http/validate';
import {
	reportRangeForm,
	type DayRange,
	type ReportRangeInput
} from '../../monitoring/report-range';

/** `?from=&to=` of a report address, checked (an InvalidError with translated issues otherwise). */
export const parseReportRange = (url: URL): ReportRangeInput =>
	validate(reportRangeForm, {
		from: url.searchParams.get('from') ?? undefined,
		to: url.searchParams.get('to') ?? undefined
	});

/**
 * The days a report covers (ADR 0202): none when neither end is given (the project's whole
 * life, as before); else a missing `from` is the project's start (or its first fact, when it has
 * no start date or one came earlier) and a missing `to` is today.
 */
export async function resolveReportRange(
	db: Db,
	projectId: string,
	input: ReportRangeInput
): Promise<DayRange | null> {
	if (!input.from && !input.to) return null;
	const to = input.to ?? romeToday();
	if (input.from) return { from: input.from, to };
	const [sheet] = await db
		.select({ startsOn: project.startsOn })
		.from(project)
		.where(eq(project.id, projectId));
	const [first] = await db
		.select({ on: min(sql<string>`coalesce(${caseSummary.takenIn}, ${caseSummary.firstFact})`) })
		.from(caseSummary)
		.where(eq(caseSummary.projectId, projectId));
	const from = [sheet?.startsOn, first?.on].filter((d): d is string => !!d).sort()[0] ?? to;
	return { from: from < to ? from : to, to };
}
