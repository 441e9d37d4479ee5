import { eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { body, calendarFeedToken, meeting, person, type Meeting } from '../db/schema';
import { authorize, type Actor } from '../access/policy';
import { generateToken, hashToken, TOKEN_PATTERN } from '../auth/token';
import { UnauthorizedError } from '../errors';
import { meetingsCalendar, type CalendarMeeting } from '../export/ics';
import { loadBodyAccess } from './body-access';
import { agendaOf, findMeeting } from './meetings';

/**
 * Calendar apps fetch feeds without cookies, so a feed URL carries a per-person secret. Only its
 * hash is stored; issuing a new one revokes the old; the feed still asks the policy every time.
 */
export async function issueFeedToken({ db, actor }: Ctx): Promise<string> {
	if (!actor) throw new UnauthorizedError();
	const token = generateToken();
	await db
		.insert(calendarFeedToken)
		.values({ personId: actor.id, tokenHash: hashToken(token) })
		.onConflictDoUpdate({
			target: calendarFeedToken.personId,
			set: { tokenHash: hashToken(token), createdAt: new Date() }
		});
	return token;
}

export async function actorFromFeedToken(db: Db, token: string): Promise<Actor | null> {
	if (!TOKEN_PATTERN.test(token)) return null;
	const [found] = await db
		.select({ id: person.id, name: person.name, email: person.email, isAdmin: person.isAdmin })
		.from(calendarFeedToken)
		.innerJoin(person, eq(calendarFeedToken.personId, person.id))
		.where(eq(calendarFeedToken.tokenHash, hashToken(token)));
	return found ?? null;
}

async function toCalendarMeeting(db: Db, m: Meeting, origin: string): Promise<CalendarMeeting> {
	const agenda = await agendaOf(db, m.id);
	return {
		id: m.id,
		title: m.title,
		startsAt: m.startsAt,
		endsAt: m.endsAt,
		place: m.place,
		videoLink: m.videoLink,
		description: agenda.map((item) => `${item.position}. ${item.title}`).join('\n'),
		url: `${origin}/projects/${m.projectId}/governance/meetings/${m.id}`
	};
}

/** One meeting as an invitation (.ics). */
export async function meetingIcs({ db, actor }: Ctx, meetingId: string, origin: string) {
	const found = await findMeeting(db, meetingId);
	await authorize(db, actor, 'governance.read', { projectId: found.projectId });
	const [owner] = await db.select({ name: body.name }).from(body).where(eq(body.id, found.bodyId));
	return meetingsCalendar([await toCalendarMeeting(db, found, origin)], {
		name: owner.name,
		domain: new URL(origin).hostname,
		method: 'request'
	});
}

/** Every meeting of a body, as a subscribable feed. */
export async function bodyFeed({ db, actor }: Ctx, bodyId: string, origin: string) {
	const access = await loadBodyAccess(db, bodyId);
	await authorize(db, actor, 'governance.read', { projectId: access.body.projectId });
	const meetings = await db.select().from(meeting).where(eq(meeting.bodyId, bodyId));
	const events = await Promise.all(meetings.map((m) => toCalendarMeeting(db, m, origin)));
	return meetingsCalendar(events, {
		name: access.body.name,
		domain: new URL(origin).hostname,
		method: 'publish'
	});
}
