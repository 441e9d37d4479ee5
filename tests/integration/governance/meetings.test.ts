import { describe, expect, it } from 'vitest';
import ical from 'node-ical';
import * as attendance from '../../../src/lib/server/governance/attendance';
import * as meetings from '../../../src/lib/server/governance/meetings';
import * as calendar from '../../../src/lib/server/governance/calendar';
import * as actionItems from '../../../src/lib/server/governance/action-items';
import { buildCommittee, startGovernanceRuntime } from './fixture';
import { testContext } from '../../support/context';

const { runtime } = await startGovernanceRuntime();
const c = await buildCommittee(runtime);

describe('meetings', () => {
	it('store Rome time as UTC and keep the agenda in order', async () => {
		expect(c.meeting.startsAt.toISOString()).toBe('2026-03-05T13:30:00.000Z');
		const agenda = await meetings.agendaOf(c.db, c.meeting.id);
		expect(agenda.map((a) => [a.position, a.title])).toEqual([
			[1, 'Avvio del progetto'],
			[2, 'Calendario delle attività']
		]);
	});

	it('are scheduled only by those who manage meetings', async () => {
		await expect(
			meetings.schedule(c.ctx(c.member), c.body.id, {
				title: 'X',
				day: '2026-04-01',
				startTime: '10:00',
				endTime: '11:00',
				place: '',
				videoLink: '',
				agenda: ['Varie']
			})
		).rejects.toMatchObject({ code: 'forbidden' });
	});

	it('show the quorum as met or not from the attendance, proxies included', async () => {
		const before = await attendance.sheet(c.ctx(c.observer), c.meeting.id);
		expect(before.quorum).toEqual({ required: 3, represented: 0, met: false });
		await attendance.recordAttendance(c.ctx(c.secretary), c.meeting.id, {
			entries: [
				{ personId: c.chair.person.id, status: 'present', delegateId: null },
				{ personId: c.secretary.person.id, status: 'present', delegateId: null },
				{ personId: c.member.person.id, status: 'delegated', delegateId: c.chair.person.id },
				{ personId: c.partner.person.id, status: 'absent', delegateId: null }
			]
		});
		const after = await attendance.sheet(c.ctx(c.observer), c.meeting.id);
		expect(after.quorum).toEqual({ required: 3, represented: 3, met: true });
		expect(after.rows.find((r) => r.personId === c.member.person.id)).toMatchObject({
			status: 'delegated',
			delegateId: c.chair.person.id
		});
	});

	it('refuse attendance of non-members and proxies to oneself', async () => {
		const write = (entries: Parameters<typeof attendance.recordAttendance>[2]['entries']) =>
			attendance.recordAttendance(c.ctx(c.secretary), c.meeting.id, { entries });
		await expect(
			write([{ personId: c.outsider.person.id, status: 'present', delegateId: null }])
		).rejects.toMatchObject({
			code: 'gov_attendance_invalid'
		});
		await expect(
			write([{ personId: c.member.person.id, status: 'delegated', delegateId: c.member.person.id }])
		).rejects.toMatchObject({ code: 'gov_attendance_invalid' });
		await expect(
			attendance.recordAttendance(c.ctx(c.outsider), c.meeting.id, { entries: [] })
		).rejects.toMatchObject({ code: 'forbidden' });
	});

	it('export as .ics and as a per-body feed opened by a personal token', async () => {
		const one = await meetings.listForBody(c.ctx(c.member), c.body.id);
		expect(one).toHaveLength(1);
		const text = await calendar.meetingIcs(
			c.ctx(c.member),
			c.meeting.id,
			'https://tavolo.example.org'
		);
		const [event] = Object.values(ical.sync.parseICS(text)).filter(
			(x) => x?.type === 'VEVENT'
		) as ical.VEvent[];
		expect(String(event.description)).toContain('2. Calendario delle attività');
		const token = await calendar.issueFeedToken(c.ctx(c.member));
		const actor = await calendar.actorFromFeedToken(c.db, token);
		expect(actor?.id).toBe(c.member.person.id);
		const feed = await calendar.bodyFeed(
			testContext(c.db, actor),
			c.body.id,
			'https://tavolo.example.org'
		);
		expect(
			Object.values(ical.sync.parseICS(feed)).filter((x) => x?.type === 'VEVENT')
		).toHaveLength(1);
		await calendar.issueFeedToken(c.ctx(c.member));
		expect(await calendar.actorFromFeedToken(c.db, token)).toBeNull();
		expect(await calendar.actorFromFeedToken(c.db, 'not-a-token')).toBeNull();
	});

	it('list the invitations of the members', async () => {
		const future = await meetings.schedule(c.ctx(c.chair), c.body.id, {
			title: 'Cabina di regia n. 9',
			day: '2099-01-15',
			startTime: '10:00',
			endTime: '12:00',
			place: 'Legnano',
			videoLink: '',
			agenda: ['Varie']
		});
		expect(
			(await meetings.listInvitations(c.ctx(c.partner), c.projectId)).map((i) => i.meeting.id)
		).toEqual([future.id]);
		expect(await meetings.listInvitations(c.ctx(c.outsider), c.projectId)).toEqual([]);
	});
});

describe('action items', () => {
	it('are listed open for their owner, overdue highlighted, and ticked done by the owner', async () => {
		const item = await actionItems.create(c.ctx(c.secretary), c.projectId, {
			title: 'Inviare il calendario ai partner',
			ownerPersonId: c.partner.person.id,
			ownerOrganisationId: null,
			dueOn: '2020-02-01',
			meetingId: c.meeting.id,
			decisionId: null
		});
		const open = await actionItems.listOpenForPerson(c.ctx(c.partner));
		expect(open).toMatchObject([{ id: item.id, overdue: true }]);
		await expect(
			actionItems.setDone(c.ctx(c.observer), { actionItemId: item.id, done: true })
		).rejects.toMatchObject({ code: 'forbidden' });
		await actionItems.setDone(c.ctx(c.partner), { actionItemId: item.id, done: true });
		expect(await actionItems.listOpenForPerson(c.ctx(c.partner))).toEqual([]);
		const all = await actionItems.listForProject(c.ctx(c.observer), c.projectId);
		expect(all.find((a) => a.id === item.id)).toMatchObject({ overdue: false });
	});
});
