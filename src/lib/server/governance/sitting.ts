import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { meeting, meetingGuest, type MeetingGuest } from '../db/schema';
import { authorize } from '../access/policy';
import { record } from '../audit/audit';
import { NotFoundError } from '../errors';
import type { GuestInput, SittingInput } from '../../governance/sitting-form';
import { romeToUtc, utcToRome } from '../../governance/rome-time';
import { loadBodyAccess, minutesResource } from './body-access';
import { findMeeting } from './meetings';

/**
 * The sitting as the verbale records it, beyond attendance: when it was opened and closed, and
 * the guests who took part without being members. Written by the body's members like the
 * minutes, frozen with them.
 */
export interface Sitting {
	openedAt: Date | null;
	closedAt: Date | null;
	guests: MeetingGuest[];
}

export async function sittingOf({ db, actor }: Ctx, meetingId: string): Promise<Sitting> {
	const found = await findMeeting(db, meetingId);
	await authorize(db, actor, 'governance.read', { projectId: found.projectId });
	const guests = await db
		.select()
		.from(meetingGuest)
		.where(eq(meetingGuest.meetingId, meetingId))
		.orderBy(asc(meetingGuest.createdAt), asc(meetingGuest.name));
	return { openedAt: found.openedAt, closedAt: found.closedAt, guests };
}

async function authorizeWrite({ db, actor }: Ctx, meetingId: string) {
	const found = await findMeeting(db, meetingId);
	const access = await loadBodyAccess(db, found.bodyId);
	const grant = await authorize(
		db,
		actor,
		'minutes.write',
		minutesResource(access, found.minutesStatus === 'approved')
	);
	return { found, signedIn: grant.actor };
}

/** Times are typed on the meeting's own day in Rome. */
export async function recordSitting(ctx: Ctx, meetingId: string, input: SittingInput) {
	const { found, signedIn } = await authorizeWrite(ctx, meetingId);
	const day = utcToRome(found.startsAt).day;
	const at = (time: string | null) => (time ? romeToUtc(day, time) : null);
	await ctx.db
		.update(meeting)
		.set({ openedAt: at(input.openedTime), closedAt: at(input.closedTime) })
		.where(eq(meeting.id, meetingId));
	await record(ctx.db, {
		actorId: signedIn.id,
		action: 'meeting.sitting',
		resourceType: 'meeting',
		resourceId: meetingId,
		projectId: found.projectId,
		detail: { openedTime: input.openedTime, closedTime: input.closedTime }
	});
}

export async function addGuest(ctx: Ctx, meetingId: string, input: GuestInput) {
	const { found, signedIn } = await authorizeWrite(ctx, meetingId);
	const [guest] = await ctx.db
		.insert(meetingGuest)
		.values({ meetingId, ...input })
		.returning();
	await record(ctx.db, {
		actorId: signedIn.id,
		action: 'meeting.guest_add',
		resourceType: 'meeting',
		resourceId: meetingId,
		projectId: found.projectId,
		detail: { guestId: guest.id }
	});
	return guest;
}

export async function removeGuest(ctx: Ctx, meetingId: string, guestId: string) {
	const { found, signedIn } = await authorizeWrite(ctx, meetingId);
	const removed = await ctx.db
		.delete(meetingGuest)
		.where(and(eq(meetingGuest.id, guestId), eq(meetingGuest.meetingId, meetingId)))
		.returning({ id: meetingGuest.id });
	if (removed.length === 0) throw new NotFoundError();
	await record(ctx.db, {
		actorId: signedIn.id,
		action: 'meeting.guest_remove',
		resourceType: 'meeting',
		resourceId: meetingId,
		projectId: found.projectId,
		detail: { guestId }
	});
}
