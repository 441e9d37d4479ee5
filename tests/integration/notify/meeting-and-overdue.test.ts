import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { membership, notification, type NotificationKind } from '../../../src/lib/server/db/schema';
import * as actionItems from '../../../src/lib/server/governance/action-items';
import * as meetings from '../../../src/lib/server/governance/meetings';
import { notifyOverdueWork } from '../../../src/lib/server/notifications/overdue';
import { dailyRound } from '../../../src/lib/server/notifications/daily-round';
import { buildCommittee, startGovernanceRuntime } from '../governance/fixture';

const { runtime } = await startGovernanceRuntime();
const db = runtime.db;

async function told(kind: NotificationKind, resourceId: string): Promise<string[]> {
	const rows = await db
		.select({ recipientId: notification.recipientId })
		.from(notification)
		.where(and(eq(notification.kind, kind), eq(notification.resourceId, resourceId)));
	return rows.map((row) => row.recipientId).sort();
}
const ids = (...people: { person: { id: string } }[]) => people.map((p) => p.person.id).sort();

describe('a meeting called', () => {
	it('tells only the body’s members who may still see the meeting', async () => {
		const c = await buildCommittee(runtime);
		// The fixture's first meeting: every member of the body but the chair who called it.
		expect(await told('meeting_called', c.meeting.id)).toEqual(
			ids(c.secretary, c.member, c.partner)
		);
		// The partner leaves the project but stays on the body's list: no longer told.
		await db
			.delete(membership)
			.where(
				and(eq(membership.projectId, c.projectId), eq(membership.personId, c.partner.person.id))
			);
		const second = await meetings.schedule(c.ctx(c.chair), c.body.id, {
			title: 'Cabina di regia n. 2',
			day: '2026-04-02',
			startTime: '14:30',
			endTime: '16:30',
			place: 'Sala consiliare, Castano Primo',
			videoLink: '',
			agenda: ['Stato dei tirocini']
		});
		expect(await told('meeting_called', second.id)).toEqual(ids(c.secretary, c.member));
	});
});

describe('the daily overdue round', () => {
	it('runs once per Rome day and tells each owner of an overdue item once', async () => {
		const c = await buildCommittee(runtime);
		const item = (title: string, dueOn: string) =>
			actionItems.create(c.ctx(c.chair), c.projectId, {
				title,
				ownerPersonId: c.member.person.id,
				ownerOrganisationId: null,
				dueOn,
				meetingId: null,
				decisionId: null
			});
		const round = dailyRound((now) => notifyOverdueWork(db, now));
		const first = await item('Inviare il calendario', '2030-03-01');
		// 2 March 2030, 09:00 in Rome: the item due on 1 March is overdue; the owner is told.
		expect(await round(new Date('2030-03-02T08:00:00Z'))).toBe(1);
		expect(await told('action_item_overdue', first.id)).toEqual(ids(c.member));
		// Later that day the round does not run again, even for an item overdue since.
		const second = await item('Prenotare la sala', '2030-03-01');
		expect(await round(new Date('2030-03-02T15:00:00Z'))).toBeNull();
		expect(await told('action_item_overdue', second.id)).toEqual([]);
		// The next day's round tells the second owner, and not the first again.
		expect(await round(new Date('2030-03-03T05:00:00Z'))).toBe(1);
		expect(await told('action_item_overdue', second.id)).toEqual(ids(c.member));
		expect(await told('action_item_overdue', first.id)).toEqual(ids(c.member));
	});
});
