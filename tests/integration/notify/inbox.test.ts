import { describe, expect, it } from 'vitest';
import * as meetings from '../../../src/lib/server/governance/meetings';
import {
	listInbox,
	markAllRead,
	markRead,
	unreadCount
} from '../../../src/lib/server/notifications/inbox';
import { NotFoundError, UnauthorizedError } from '../../../src/lib/server/errors';
import { buildCommittee, startGovernanceRuntime } from '../governance/fixture';

const { runtime } = await startGovernanceRuntime();

describe('the in-app notifications of a person', () => {
	it('lists them newest first, linked; counts the unread; marks one or all read', async () => {
		const c = await buildCommittee(runtime);
		await meetings.schedule(c.ctx(c.chair), c.body.id, {
			title: 'Cabina di regia n. 2',
			day: '2026-04-02',
			startTime: '10:00',
			endTime: '11:00',
			place: 'Municipio',
			videoLink: '',
			agenda: ['Punto unico']
		});
		const inbox = await listInbox(c.ctx(c.member));
		expect(inbox.map((item) => item.title)).toEqual([
			'Cabina di regia n. 2',
			'Cabina di regia n. 1'
		]);
		expect(inbox[1]).toMatchObject({
			kind: 'meeting_called',
			read: false,
			link: `/projects/${c.projectId}/governance/meetings/${c.meeting.id}`
		});
		expect(inbox[1].projectTitle).toBeTruthy();
		expect(await unreadCount(runtime.db, c.member.person.id)).toBe(2);

		// Nobody else sees, or marks, the member's notifications.
		expect(await listInbox(c.ctx(c.observer))).toEqual([]);
		expect(await listInbox(c.ctx(c.chair))).toEqual([]);
		await expect(markRead(c.ctx(c.secretary), inbox[0].id)).rejects.toBeInstanceOf(NotFoundError);
		await expect(listInbox(c.ctx({ actor: null }))).rejects.toBeInstanceOf(UnauthorizedError);
		expect(await unreadCount(runtime.db, c.member.person.id)).toBe(2);

		await markRead(c.ctx(c.member), inbox[0].id);
		expect(await unreadCount(runtime.db, c.member.person.id)).toBe(1);
		expect((await listInbox(c.ctx(c.member)))[0].read).toBe(true);
		// The secretary's own stay unread.
		expect(await unreadCount(runtime.db, c.secretary.person.id)).toBe(2);

		expect(await markAllRead(c.ctx(c.member))).toBe(1);
		expect(await unreadCount(runtime.db, c.member.person.id)).toBe(0);
		expect(await unreadCount(runtime.db, c.secretary.person.id)).toBe(2);
	});
});
