import { and, asc, eq, lte, ne, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import {
	caseEvent,
	caseRecord,
	cronoprogrammaMark,
	lab,
	labSession,
	meeting,
	project,
	proposal
} from '../db/schema';
import { authorize, decide } from '../access/policy';
import { record } from '../audit/audit';
import { InvalidError, NotFoundError } from '../errors';
import { m } from '../../paraglide/messages';
import { readDocument } from '../live/store';
import { blocksOf } from '../proposals/action-blocks';
import { actionsDocumentName } from '../proposals/section-content';
import { projectDurationMonths } from '../proposals/project-duration';
import { cronoprogramma, lastMonth } from '../../proposals/derive';
import type { ActionArea, ActionBlock } from '../../proposals/action-block';
import { romeToday } from '../../governance/rome-time';
import type { CaseEventKindValue } from '../../cases/case-values';
import { areasForWork } from '../../monitoring/work-areas';
import {
	LAB_WORK,
	MEETING_WORK,
	PATHWAY_WORK,
	livedCronoprogramma,
	yearMonthOf,
	type Evidence,
	type LivedCronoprogramma
} from '../../monitoring/cronoprogramma-lived';
import type { MarkInput } from '../../monitoring/cronoprogramma-form';

export interface ProposalOption {
	id: string;
	title: string;
}

/**
 * What the cronoprogramma page shows: action titles, months and what kind of thing was done,
 * never a count of people, a case or a name (observers and the cabina read it).
 */
export interface CronoprogrammaView {
	proposals: ProposalOption[];
	proposalId: string | null;
	/** Null when there is no proposal, no action, or the project has no start date. */
	lived: LivedCronoprogramma | null;
	missingStart: boolean;
	canManage: boolean;
}

const rome = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' });

export async function proposalsOf(db: Db, projectId: string): Promise<ProposalOption[]> {
	return db
		.select({ id: proposal.id, title: proposal.title })
		.from(proposal)
		.where(and(eq(proposal.projectId, projectId), ne(proposal.status, 'archived')))
		.orderBy(asc(proposal.createdAt), asc(proposal.id));
}

export async function blocksOfProposal(db: Db, proposalId: string): Promise<ActionBlock[]> {
	const doc = await readDocument(db, actionsDocumentName(proposalId));
	try {
		return blocksOf(doc);
	} finally {
		doc.destroy();
	}
}

/**
 * Meetings held and lab sessions of the project, and its pathway events, one per kind and month,
 * each on the areas of its kind of work among `areaKeys` (those the actions use, ADR 0197).
 */
async function evidenceOf(
	db: Db,
	projectId: string,
	proposalId: string,
	startsOn: string,
	areaKeys: readonly string[]
): Promise<Evidence[]> {
	const now = new Date();
	const [meetings, sessions, events, marks] = await Promise.all([
		db
			.select({ startsAt: meeting.startsAt })
			.from(meeting)
			.where(and(eq(meeting.projectId, projectId), lte(meeting.startsAt, now))),
		db
			.select({ startsAt: labSession.startsAt })
			.from(labSession)
			.innerJoin(lab, eq(labSession.labId, lab.id))
			.where(and(eq(lab.projectId, projectId), lte(labSession.startsAt, now))),
		// Aggregated in SQL: a kind and a month, nothing about who.
		db
			.selectDistinct({
				kind: caseEvent.kind,
				month: sql<string>`to_char(${caseEvent.occurredOn}, 'YYYY-MM-01')`
			})
			.from(caseEvent)
			.innerJoin(caseRecord, eq(caseEvent.caseId, caseRecord.id))
			.where(eq(caseRecord.projectId, projectId)),
		db
			.select({ actionId: cronoprogrammaMark.actionId, month: cronoprogrammaMark.month })
			.from(cronoprogrammaMark)
			.where(eq(cronoprogrammaMark.proposalId, proposalId))
	]);
	const evidence: Evidence[] = [];
	const add = (on: string, source: Evidence['source'], work: ActionArea | undefined) => {
		if (!work) return;
		for (const area of areasForWork(work, areaKeys)) evidence.push({ on, source, area });
	};
	for (const row of meetings) add(rome.format(row.startsAt), 'meeting', MEETING_WORK);
	for (const row of sessions) add(rome.format(row.startsAt), 'lab_session', LAB_WORK);
	for (const row of events) add(row.month, 'pathway', PATHWAY_WORK[row.kind as CaseEventKindValue]);
	// A mark names a project month, not a day: it stands on the first day of that month.
	for (const mark of marks) {
		evidence.push({
			on: `${yearMonthOf(startsOn, mark.month)}-01`,
			source: 'mark',
			actionId: mark.actionId
		});
	}
	return evidence;
}

export async function projectStart(db: Db, projectId: string): Promise<string | null> {
	const [found] = await db
		.select({ startsOn: project.startsOn })
		.from(project)
		.where(eq(project.id, projectId));
	return found?.startsOn ?? null;
}

/** The lived grid of one proposal; null when it has no action. */
export async function livedOf(
	db: Db,
	projectId: string,
	proposalId: string,
	startsOn: string
): Promise<LivedCronoprogramma | null> {
	const blocks = await blocksOfProposal(db, proposalId);
	if (blocks.length === 0) return null;
	const durationMonths =
		(await projectDurationMonths(db, projectId)) ?? Math.max(lastMonth(blocks), 12);
	const areas = new Map(blocks.map((b) => [b.id, b.area]));
	return livedCronoprogramma({
		planned: cronoprogramma(blocks, durationMonths).map((row) => ({
			...row,
			area: areas.get(row.actionId) ?? null
		})),
		durationMonths,
		startsOn,
		today: romeToday(),
		evidence: await evidenceOf(
			db,
			projectId,
			proposalId,
			startsOn,
			blocks.flatMap((b) => (b.area ? [b.area] : []))
		)
	});
}

/** The lived cronoprogramma of one of the project's proposals (the first one by default). */
export async function cronoprogrammaView(
	{ db, actor }: Ctx,
	projectId: string,
	wanted: string | null
): Promise<CronoprogrammaView> {
	const grant = await authorize(db, actor, 'monitoring.read', { projectId });
	const canManage = decide(grant, 'monitoring.manage', { projectId });
	const proposals = await proposalsOf(db, projectId);
	const chosen = proposals.find((p) => p.id === wanted) ?? proposals[0];
	const startsOn = await projectStart(db, projectId);
	const empty = { proposals, canManage, missingStart: startsOn === null };
	if (!chosen) return { ...empty, proposalId: null, lived: null };
	return {
		...empty,
		proposalId: chosen.id,
		lived: startsOn ? await livedOf(db, projectId, chosen.id, startsOn) : null
	};
}

/** Sets or takes back the coordinator's "done" mark on one action in one project month. */
export async function setMark(
	{ db, actor }: Ctx,
	projectId: string,
	input: MarkInput
): Promise<void> {
	const { actor: signedIn } = await authorize(db, actor, 'monitoring.manage', { projectId });
	const [found] = await db
		.select({ id: proposal.id })
		.from(proposal)
		.where(and(eq(proposal.id, input.proposalId), eq(proposal.projectId, projectId)));
	if (!found) throw new NotFoundError('cronoprogramma_action_not_found');
	const blocks = await blocksOfProposal(db, found.id);
	if (!blocks.some((b) => b.id === input.actionId)) {
		throw new NotFoundError('cronoprogramma_action_not_found');
	}
	const duration = (await projectDurationMonths(db, projectId)) ?? Math.max(lastMonth(blocks), 12);
	if (input.month > duration) {
		throw new InvalidError('invalid', { month: [m.monitoring_crono_month_invalid()] });
	}
	const key = and(
		eq(cronoprogrammaMark.proposalId, found.id),
		eq(cronoprogrammaMark.actionId, input.actionId),
		eq(cronoprogrammaMark.month, input.month)
	);
	if (input.done) {
		await db
			.insert(cronoprogrammaMark)
			.values({
				proposalId: found.id,
				actionId: input.actionId,
				month: input.month,
				projectId,
				markedById: signedIn.id
			})
			.onConflictDoNothing();
	} else {
		await db.delete(cronoprogrammaMark).where(key);
	}
	await record(db, {
		actorId: signedIn.id,
		action: input.done ? 'monitoring.cronoprogramma.mark' : 'monitoring.cronoprogramma.unmark',
		resourceType: 'proposal',
		resourceId: found.id,
		projectId
	});
}
