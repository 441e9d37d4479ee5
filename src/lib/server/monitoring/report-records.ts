import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { m } from '../../paraglide/messages';
import { decisionStatusLabel } from '../../governance/labels';
import { utcToRome } from '../../governance/rome-time';
import { targetCategoryLabel } from '../../cases/pathway-labels';
import type { Ctx } from '../context';
import { body, decision, district, goodPractice, lab, labSession, meeting } from '../db/schema';
import { authorize } from '../access/policy';
import type { TextTable } from './report-sections';

/**
 * What the report adds from the project's registers: the decisions taken (the decision
 * register, with date, body, meeting and status) and the good practices the labs recorded.
 * Titles and texts the whole project reads already (governance.read, lab.read): no case, no
 * pseudonym — a practice's cases are left out.
 */
export interface ReportRecords {
	decisions: TextTable;
	practices: TextTable;
}

const romeDay = (at: Date) => utcToRome(at).day;

/** The days a report quotes: from `since` (none: the first) to `until`, both inclusive. */
export interface RecordDays {
	since: string | null;
	until: string;
}

const inDays = (day: string, { since, until }: RecordDays) =>
	day <= until && (since === null || day >= since);

/** Decisions taken (every status but "proposed"), in the order they were taken, in the days. */
export async function decisionsTaken(
	ctx: Ctx,
	projectId: string,
	days: RecordDays
): Promise<TextTable> {
	await authorize(ctx.db, ctx.actor, 'governance.read', { projectId });
	const takenAt = sql<Date>`coalesce(${meeting.startsAt}, ${decision.createdAt})`;
	const rows = await ctx.db
		.select({
			at: takenAt,
			bodyName: body.name,
			meetingTitle: meeting.title,
			text: decision.text,
			status: decision.status,
			dueOn: decision.dueOn
		})
		.from(decision)
		.innerJoin(body, eq(body.id, decision.bodyId))
		.leftJoin(meeting, eq(meeting.id, decision.meetingId))
		.where(and(eq(decision.projectId, projectId), ne(decision.status, 'proposed')))
		.orderBy(asc(takenAt), asc(decision.id));
	return {
		columns: [
			m.monitoring_report_decision_date(),
			m.monitoring_report_decision_body(),
			m.monitoring_report_decision_meeting(),
			m.monitoring_report_decision_text(),
			m.monitoring_report_decision_status(),
			m.monitoring_report_decision_due()
		],
		rows: rows
			.map((r) => ({ ...r, day: romeDay(new Date(r.at)) }))
			.filter((r) => inDays(r.day, days))
			.map((r) => [
				r.day,
				r.bodyName,
				r.meetingTitle ?? '—',
				r.text,
				decisionStatusLabel(r.status),
				r.dueOn ?? '—'
			])
	};
}

/** The good practices recorded, oldest first: title, lab and session, target, territory, what worked. */
export async function practicesRecorded(
	ctx: Ctx,
	projectId: string,
	days: RecordDays
): Promise<TextTable> {
	await authorize(ctx.db, ctx.actor, 'lab.read', { projectId });
	const rows = await ctx.db
		.select({
			createdAt: goodPractice.createdAt,
			title: goodPractice.title,
			labTitle: lab.title,
			sessionTitle: labSession.title,
			targetCategory: goodPractice.targetCategory,
			districtName: district.name,
			whatWorked: goodPractice.whatWorked
		})
		.from(goodPractice)
		.innerJoin(lab, eq(lab.id, goodPractice.labId))
		.innerJoin(labSession, eq(labSession.id, goodPractice.sessionId))
		.leftJoin(district, eq(district.id, goodPractice.districtId))
		.where(eq(goodPractice.projectId, projectId))
		.orderBy(asc(goodPractice.createdAt), asc(goodPractice.id));
	return {
		columns: [
			m.monitoring_report_practice_title(),
			m.monitoring_report_decision_date(),
			m.monitoring_report_practice_lab(),
			m.monitoring_report_practice_target(),
			m.monitoring_territory(),
			m.monitoring_report_practice_what_worked()
		],
		rows: rows
			.map((r) => ({ ...r, day: romeDay(r.createdAt) }))
			.filter((r) => inDays(r.day, days))
			.map((r) => [
				r.title,
				r.day,
				`${r.labTitle} · ${r.sessionTitle}`,
				targetCategoryLabel(r.targetCategory) || '—',
				r.districtName ?? '—',
				r.whatWorked
			])
	};
}

export async function reportRecords(
	ctx: Ctx,
	projectId: string,
	days: RecordDays
): Promise<ReportRecords> {
	return {
		decisions: await decisionsTaken(ctx, projectId, days),
		practices: await practicesRecorded(ctx, projectId, days)
	};
}
