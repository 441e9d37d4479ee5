import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import {
	body,
	bodyMember,
	comment,
	commentThread,
	decision,
	meeting,
	membership,
	project,
	proposal,
	proposalSection,
	sectionOwner
} from '../db/schema';
import { decide, type Grant } from '../access/policy';
import { UnauthorizedError } from '../errors';
import { romeToday } from '../../governance/rome-time';
import { waitingIn } from '../cases/follow-ups';

/** A section the person's organisation owns and has yet to write, or to finish. */
export interface SectionToWrite {
	projectId: string;
	projectTitle: string;
	proposalId: string;
	proposalTitle: string;
	sectionId: string;
	number: string;
	title: string;
	status: 'to_write' | 'draft' | 'in_review';
}

/** An open comment thread on the organisation's text whose last word is someone else's. */
export interface CommentToAnswer {
	projectId: string;
	projectTitle: string;
	proposalId: string;
	sectionId: string;
	number: string;
	title: string;
	threadId: string;
	quotedText: string;
	lastAt: Date;
}

/** Minutes circulated for amendment in a body the person sits in, window still open. */
export interface MinutesToAmend {
	projectId: string;
	projectTitle: string;
	meetingId: string;
	title: string;
	amendmentClosesAt: Date | null;
}

/** A meeting of one of the person's bodies in the coming fortnight. */
export interface UpcomingMeeting {
	projectId: string;
	projectTitle: string;
	meetingId: string;
	title: string;
	startsAt: Date;
}

/** A decision the person answers for, not yet done, with its due date. */
export interface DecisionDue {
	projectId: string;
	projectTitle: string;
	decisionId: string;
	text: string;
	dueOn: string | null;
	overdue: boolean;
}

/** A six-month follow-up due on a case of the person's organisation (pseudonym only). */
export interface FollowUpDue {
	projectId: string;
	projectTitle: string;
	caseId: string;
	pseudonym: string;
	dueOn: string;
	overdue: boolean;
}

export interface OpenWork {
	sectionsToWrite: SectionToWrite[];
	sectionsToReview: SectionToWrite[];
	commentsToAnswer: CommentToAnswer[];
	minutesToAmend: MinutesToAmend[];
	upcomingMeetings: UpcomingMeeting[];
	decisionsDue: DecisionDue[];
	followUpsDue: FollowUpDue[];
}

const UPCOMING_DAYS = 14;
const LIMIT = 20;

/**
 * What waits for the signed-in person across their projects: the first screen after sign-in
 * (sections, comments, minutes, meetings, decisions, and the six-month follow-ups of cases).
 * Each list keeps only what the policy lets them act on in that project (edit their sections,
 * review, write minutes), so a role never sees a to-do it could not do.
 */
export async function listOpenWork({ db, actor }: Ctx, now = new Date()): Promise<OpenWork> {
	if (!actor) throw new UnauthorizedError();
	const grants = await db
		.select({
			projectId: membership.projectId,
			role: membership.role,
			organisationId: membership.organisationId,
			personId: membership.personId,
			projectTitle: project.title
		})
		.from(membership)
		.innerJoin(project, eq(project.id, membership.projectId))
		.where(eq(membership.personId, actor.id));
	if (grants.length === 0) return emptyWork();
	const grantOf = new Map<string, Grant & { projectTitle: string }>(
		grants.map((g) => [g.projectId, g])
	);
	const projectIds = [...grantOf.keys()];
	const organisationIds = grants.flatMap((g) => (g.organisationId ? [g.organisationId] : []));

	const [owned, inReview, threads, circulated, upcoming, decisions, followUps] = await Promise.all([
		sectionsOwnedBy(db, projectIds, organisationIds),
		sectionsInReview(db, projectIds),
		openThreadsOn(db, projectIds, organisationIds),
		circulatedMinutes(db, actor.id, now),
		upcomingMeetings(db, actor.id, now),
		decisionsOf(db, actor.id, projectIds),
		waitingIn(db, projectIds)
	]);

	const mayEdit = (row: { projectId: string; sectionId: string }, owners: string[]) =>
		decide(grantOf.get(row.projectId) ?? null, 'proposal.edit', {
			projectId: row.projectId,
			ownerOrganisationIds: owners
		});
	const today = romeToday();
	return {
		sectionsToWrite: owned
			.filter((row) => row.status !== 'in_review' && mayEdit(row, row.owners))
			.map(({ owners: _owners, ...row }) => row)
			.slice(0, LIMIT) as SectionToWrite[],
		sectionsToReview: inReview
			.filter((row) =>
				decide(grantOf.get(row.projectId) ?? null, 'proposal.review', { projectId: row.projectId })
			)
			.slice(0, LIMIT) as SectionToWrite[],
		commentsToAnswer: threads
			.filter((row) => row.lastAuthorId !== actor.id && mayEdit(row, row.owners))
			.map(({ owners: _owners, lastAuthorId: _last, ...row }) => row)
			.slice(0, LIMIT),
		minutesToAmend: circulated.filter((row) => grantOf.has(row.projectId)).slice(0, LIMIT),
		upcomingMeetings: upcoming.filter((row) => grantOf.has(row.projectId)).slice(0, LIMIT),
		decisionsDue: decisions
			.map((row) => ({ ...row, overdue: row.dueOn !== null && row.dueOn < today }))
			.slice(0, LIMIT),
		// Only who may write the case may record its follow-up: its organisation's operators.
		followUpsDue: followUps
			.filter((row) =>
				decide(grantOf.get(row.projectId) ?? null, 'case.write', {
					projectId: row.projectId,
					organisationId: row.organisationId
				})
			)
			.map(({ organisationId: _organisation, ...row }) => ({
				...row,
				projectTitle: grantOf.get(row.projectId)!.projectTitle,
				overdue: row.dueOn < today
			}))
			.slice(0, LIMIT)
	};
}

function emptyWork(): OpenWork {
	return {
		sectionsToWrite: [],
		sectionsToReview: [],
		commentsToAnswer: [],
		minutesToAmend: [],
		upcomingMeetings: [],
		decisionsDue: [],
		followUpsDue: []
	};
}

type Db = Ctx['db'];

const ownersOf = sql<
	string[]
>`coalesce((select array_agg(${sectionOwner.organisationId}) from ${sectionOwner} where ${sectionOwner.sectionId} = ${proposalSection.id}), '{}')`;

const sectionFields = {
	projectId: proposal.projectId,
	projectTitle: project.title,
	proposalId: proposal.id,
	proposalTitle: proposal.title,
	sectionId: proposalSection.id,
	number: proposalSection.number,
	title: proposalSection.title,
	status: proposalSection.status
};

/** Unlocked sections of proposals being drafted, owned by one of the person's organisations. */
async function sectionsOwnedBy(db: Db, projectIds: string[], organisationIds: string[]) {
	if (organisationIds.length === 0) return [];
	return db
		.selectDistinct({ ...sectionFields, position: proposalSection.position, owners: ownersOf })
		.from(proposalSection)
		.innerJoin(proposal, eq(proposal.id, proposalSection.proposalId))
		.innerJoin(project, eq(project.id, proposal.projectId))
		.innerJoin(sectionOwner, eq(sectionOwner.sectionId, proposalSection.id))
		.where(
			and(
				inArray(proposal.projectId, projectIds),
				eq(proposal.status, 'drafting'),
				eq(proposalSection.locked, false),
				inArray(proposalSection.status, ['to_write', 'draft']),
				inArray(sectionOwner.organisationId, organisationIds)
			)
		)
		.orderBy(asc(project.title), asc(proposal.title), asc(proposalSection.position));
}

/** Sections waiting for the coordinator's review. */
async function sectionsInReview(db: Db, projectIds: string[]) {
	return db
		.select(sectionFields)
		.from(proposalSection)
		.innerJoin(proposal, eq(proposal.id, proposalSection.proposalId))
		.innerJoin(project, eq(project.id, proposal.projectId))
		.where(
			and(
				inArray(proposal.projectId, projectIds),
				eq(proposal.status, 'drafting'),
				eq(proposalSection.status, 'in_review')
			)
		)
		.orderBy(asc(project.title), asc(proposalSection.position));
}

/** Open threads on sections the person's organisations own, with their last comment's author. */
async function openThreadsOn(db: Db, projectIds: string[], organisationIds: string[]) {
	if (organisationIds.length === 0) return [];
	const last = db
		.selectDistinctOn([comment.threadId], {
			threadId: comment.threadId,
			authorId: comment.authorId,
			createdAt: comment.createdAt
		})
		.from(comment)
		.orderBy(comment.threadId, desc(comment.createdAt))
		.as('last_comment');
	return db
		.selectDistinct({
			projectId: proposal.projectId,
			projectTitle: project.title,
			proposalId: proposal.id,
			sectionId: proposalSection.id,
			number: proposalSection.number,
			title: proposalSection.title,
			threadId: commentThread.id,
			quotedText: commentThread.quotedText,
			lastAt: last.createdAt,
			lastAuthorId: last.authorId,
			owners: ownersOf
		})
		.from(commentThread)
		.innerJoin(last, eq(last.threadId, commentThread.id))
		.innerJoin(proposalSection, eq(proposalSection.id, commentThread.sectionId))
		.innerJoin(proposal, eq(proposal.id, proposalSection.proposalId))
		.innerJoin(project, eq(project.id, proposal.projectId))
		.innerJoin(sectionOwner, eq(sectionOwner.sectionId, proposalSection.id))
		.where(
			and(
				inArray(proposal.projectId, projectIds),
				eq(commentThread.resolved, false),
				inArray(sectionOwner.organisationId, organisationIds)
			)
		)
		.orderBy(desc(last.createdAt));
}

/** Minutes in their amendment window, in bodies the person sits in. */
async function circulatedMinutes(db: Db, personId: string, now: Date) {
	return db
		.select({
			projectId: meeting.projectId,
			projectTitle: project.title,
			meetingId: meeting.id,
			title: meeting.title,
			amendmentClosesAt: meeting.amendmentClosesAt
		})
		.from(meeting)
		.innerJoin(
			bodyMember,
			and(eq(bodyMember.bodyId, meeting.bodyId), eq(bodyMember.personId, personId))
		)
		.innerJoin(project, eq(project.id, meeting.projectId))
		.where(
			and(
				eq(meeting.minutesStatus, 'circulated'),
				or(isNull(meeting.amendmentClosesAt), gte(meeting.amendmentClosesAt, now))
			)
		)
		.orderBy(sql`${meeting.amendmentClosesAt} asc nulls last`);
}

/** Meetings of the person's bodies starting in the next fortnight. */
async function upcomingMeetings(db: Db, personId: string, now: Date) {
	const until = new Date(now.getTime() + UPCOMING_DAYS * 24 * 60 * 60 * 1000);
	return db
		.select({
			projectId: meeting.projectId,
			projectTitle: project.title,
			meetingId: meeting.id,
			title: meeting.title,
			startsAt: meeting.startsAt
		})
		.from(meeting)
		.innerJoin(body, eq(body.id, meeting.bodyId))
		.innerJoin(bodyMember, and(eq(bodyMember.bodyId, body.id), eq(bodyMember.personId, personId)))
		.innerJoin(project, eq(project.id, meeting.projectId))
		.where(and(gte(meeting.startsAt, now), lte(meeting.startsAt, until)))
		.orderBy(asc(meeting.startsAt));
}

/** Decisions the person answers for that are approved or under way. */
async function decisionsOf(db: Db, personId: string, projectIds: string[]) {
	return db
		.select({
			projectId: decision.projectId,
			projectTitle: project.title,
			decisionId: decision.id,
			text: decision.text,
			dueOn: decision.dueOn
		})
		.from(decision)
		.innerJoin(project, eq(project.id, decision.projectId))
		.where(
			and(
				inArray(decision.projectId, projectIds),
				eq(decision.ownerPersonId, personId),
				inArray(decision.status, ['approved', 'in_progress'])
			)
		)
		.orderBy(sql`${decision.dueOn} asc nulls last`);
}
