import { and, asc, desc, eq, gte } from 'drizzle-orm';
import type { Ctx } from '../context';
import { agendaItem, body, bodyMember, meeting, type AgendaItem, type Meeting } from '../db/schema';
import { authorize } from '../access/policy';
import { record } from '../audit/audit';
import { NotFoundError } from '../errors';
import type { MeetingInput } from '../../governance/meeting-form';
import { romeToUtc } from '../../governance/rome-time';
import { loadBodyAccess } from './body-access';
import type { LiveDocuments } from '../live/live';
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
	{ db, actor }: Ctx,
	live: LiveDocuments,
	bodyId: string,
	input: MeetingInput
): Promise<Meeting> {
	const access = await loadBodyAccess(db, bodyId);
	const { actor: signedIn } = await authorize(db, actor, 'meeting.manage', {
		projectId: access.body.projectId
	});
	const created = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(meeting)
			.values({
				bodyId,
				projectId: access.body.projectId,
				title: input.title,
				startsAt: romeToUtc(input.day, input.startTime),
				endsAt: romeToUtc(input.day, input.endTime),
				place: input.place,
				videoLink: input.videoLink,
				createdById: signedIn.id
			})
			.returning();
		await tx
			.insert(agendaItem)
			.values(
				input.agenda.map((title, index) => ({ meetingId: row.id, position: index + 1, title }))
			);
		await notifyMeetingCalled(tx, row, signedIn.id);
		return row;
	});
	await seedMinutesDocument(live, minutesDocumentName(created.id), input.agenda);
	await record(db, {
		actorId: signedIn.id,
		action: 'meeting.schedule',
		resourceType: 'meeting',
		resourceId: created.id,
		projectId: created.projectId
	});
	return created;
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
