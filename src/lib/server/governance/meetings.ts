import { and, asc, desc, eq, gt, gte, lt } from 'drizzle-orm';
import { m } from '../../paraglide/messages';
import type { Ctx } from '../context';
import { agendaItem, body, bodyMember, meeting, type AgendaItem, type Meeting } from '../db/schema';
import { authorize } from '../access/policy';
import { record } from '../audit/audit';
import { NotFoundError } from '../errors';
import type { MeetingInput } from '../../governance/meeting-form';
import { romeToUtc, utcToRome } from '../../governance/rome-time';
import { loadBodyAccess } from './body-access';
import { minutesDocumentName, seedMinutesDocument } from './minutes-document';
import { notifyMeetingCalled } from '../notifications/meeting-called';

export async function findMeeting(db: Ctx['db'], meetingId: string): Promise<Meeting> {
	const [found] = await db.select().from(meeting).where(eq(meeting.id, meetingId));
	if (!found) throw new NotFoundError('gov_meeting_not_found');
	return found;
}

/**
 * Schedules a meeting with its ordered agenda and pre-fills the live minutes with one heading
 * per agenda item, so the verbale is structured before anyone types.
 */
export async function schedule(
	{ db, actor, live }: Ctx,
	bodyId: string,
	input: MeetingInput
): Promise<Meeting> {
	const access = await loadBodyAccess(db, bodyId);
	const { actor: signedIn } = await authorize(db, actor, 'meeting.manage', {
		projectId: access.body.projectId
	});
	const startsAt = romeToUtc(input.day, input.startTime);
	const agenda = await withPreviousMinutesItem(db, access.body, startsAt, input.agenda);
	const created = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(meeting)
			.values({
				bodyId,
				projectId: access.body.projectId,
				title: input.title,
				startsAt,
				endsAt: romeToUtc(input.day, input.endTime),
				place: input.place,
				videoLink: input.videoLink,
				createdById: signedIn.id
			})
			.returning();
		await tx
			.insert(agendaItem)
			.values(agenda.map((title, index) => ({ meetingId: row.id, position: index + 1, title })));
		await notifyMeetingCalled(tx, row, signedIn.id);
		return row;
	});
	await seedMinutesDocument(live, minutesDocumentName(created.id), agenda);
	await record(db, {
		actorId: signedIn.id,
		action: 'meeting.schedule',
		resourceType: 'meeting',
		resourceId: created.id,
		projectId: created.projectId
	});
	return created;
}

/**
 * A body whose minutes are approved at its next meeting gets, as item 1 of that meeting, the
 * approval of the previous sitting's minutes (unless they are approved already).
 */
async function withPreviousMinutesItem(
	db: Ctx['db'],
	owner: { id: string; minutesApprovalRule: string },
	startsAt: Date,
	agenda: string[]
): Promise<string[]> {
	if (owner.minutesApprovalRule !== 'next_meeting') return agenda;
	const [previous] = await db
		.select()
		.from(meeting)
		.where(and(eq(meeting.bodyId, owner.id), lt(meeting.startsAt, startsAt)))
		.orderBy(desc(meeting.startsAt))
		.limit(1);
	if (!previous || previous.minutesStatus === 'approved') return agenda;
	const day = utcToRome(previous.startsAt).day.split('-').reverse().join('/');
	return [m.gov_agenda_approve_previous({ date: day }), ...agenda];
}

/** The body's sitting just before or just after this one, by start time. */
export async function adjacentMeeting(
	db: Ctx['db'],
	of: Meeting,
	direction: 'previous' | 'next'
): Promise<Meeting | null> {
	const [found] = await db
		.select()
		.from(meeting)
		.where(
			and(
				eq(meeting.bodyId, of.bodyId),
				direction === 'next' ? gt(meeting.startsAt, of.startsAt) : lt(meeting.startsAt, of.startsAt)
			)
		)
		.orderBy(direction === 'next' ? asc(meeting.startsAt) : desc(meeting.startsAt))
		.limit(1);
	return found ?? null;
}

export async function agendaOf(db: Ctx['db'], meetingId: string): Promise<AgendaItem[]> {
	return db
		.select()
		.from(agendaItem)
		.where(eq(agendaItem.meetingId, meetingId))
		.orderBy(asc(agendaItem.position));
}

export async function listForBody({ db, actor }: Ctx, bodyId: string): Promise<Meeting[]> {
	const access = await loadBodyAccess(db, bodyId);
	await authorize(db, actor, 'governance.read', { projectId: access.body.projectId });
	return db
		.select()
		.from(meeting)
		.where(eq(meeting.bodyId, bodyId))
		.orderBy(desc(meeting.startsAt));
}

export interface Invitation {
	meeting: Meeting;
	bodyName: string;
}

/** The actor's invitations: upcoming meetings of the bodies they sit in. */
export async function listInvitations(
	{ db, actor }: Ctx,
	projectId: string
): Promise<Invitation[]> {
	const { actor: signedIn } = await authorize(db, actor, 'governance.read', { projectId });
	return db
		.select({ meeting, bodyName: body.name })
		.from(meeting)
		.innerJoin(body, eq(meeting.bodyId, body.id))
		.innerJoin(
			bodyMember,
			and(eq(bodyMember.bodyId, body.id), eq(bodyMember.personId, signedIn.id))
		)
		.where(and(eq(meeting.projectId, projectId), gte(meeting.endsAt, new Date())))
		.orderBy(asc(meeting.startsAt));
}
