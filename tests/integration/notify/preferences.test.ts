import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { notification } from '../../../src/lib/server/db/schema';
import * as meetings from '../../../src/lib/server/governance/meetings';
import { createMailer } from '../../../src/lib/server/mail/mailer';
import { sendDueMails } from '../../../src/lib/server/notifications/mail-queue';
import { listInbox } from '../../../src/lib/server/notifications/inbox';
import { mailDueAt } from '../../../src/lib/server/notifications/notify';
import {
	myPreferences,
	preferencesOf,
	savePreferences
} from '../../../src/lib/server/notifications/preferences';
import { NOTIFICATION_KINDS } from '../../../src/lib/notifications/kind-names';
import { startSmtpServer } from '../../support/smtp-server';
import { buildCommittee, startGovernanceRuntime } from '../governance/fixture';

const { runtime } = await startGovernanceRuntime();
const smtp = await startSmtpServer();
const mailer = createMailer({ smtpUrl: smtp.url, from: 'Tavolo <tavolo@comune.example.it>' });
const ORIGIN = 'https://tavolo.comune.example.it';

const to = (email: string) => (mail: { to?: unknown }) => JSON.stringify(mail.to).includes(email);

describe('mail preferences per kind of notification', () => {
	it('mails at once, in the weekly digest, or not at all, as each person chose', async () => {
		const c = await buildCommittee(runtime);
		// Nothing chosen yet: every kind is mailed at once.
		expect(await myPreferences(c.ctx(c.member))).toEqual(
			Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, 'immediate']))
		);
		const memberChoice = { ...(await myPreferences(c.ctx(c.member))), meeting_called: 'weekly' };
		await savePreferences(c.ctx(c.member), memberChoice as never);
		const secretaryChoice = {
			...(await myPreferences(c.ctx(c.secretary))),
			meeting_called: 'never'
		};
		await savePreferences(c.ctx(c.secretary), secretaryChoice as never);
		// Choices are one's own: the partner's stay as they were.
		expect((await preferencesOf(runtime.db, c.partner.person.id)).meeting_called).toBe('immediate');
		expect((await preferencesOf(runtime.db, c.member.person.id)).meeting_called).toBe('weekly');
		expect((await preferencesOf(runtime.db, c.member.person.id)).mention).toBe('immediate');

		// The fixture's meeting, owed at once before the choice, now follows it.
		const [owed] = await runtime.db
			.select()
			.from(notification)
			.where(
				and(
					eq(notification.resourceId, c.meeting.id),
					eq(notification.recipientId, c.member.person.id)
				)
			);
		expect(owed.mailDueAt?.getUTCDay()).toBe(1);

		await meetings.schedule(c.ctx(c.chair), c.body.id, {
			title: 'Riunione di aprile',
			day: '2026-04-02',
			startTime: '10:00',
			endTime: '11:00',
			place: 'Municipio',
			videoLink: '',
			agenda: ['Punto unico']
		});
		const before = smtp.received.length;
		await sendDueMails(runtime.db, mailer, ORIGIN);
		await new Promise((resolve) => setTimeout(resolve, 300));
		const now = smtp.received.slice(before);
		// Only the partner, who chose nothing, is mailed now: two meetings, one digest.
		expect(now.filter(to(c.partner.person.email))).toHaveLength(1);
		expect(now.filter(to(c.member.person.email))).toHaveLength(0);
		expect(now.filter(to(c.secretary.person.email))).toHaveLength(0);
		const partnerMail = now.find(to(c.partner.person.email))!;
		expect(partnerMail.text).toContain('Riunione di aprile');
		expect(partnerMail.text).toContain(`${ORIGIN}/account/notifications`);

		// "App only" still shows them in the app.
		expect((await listInbox(c.ctx(c.secretary))).map((item) => item.title)).toContain(
			'Riunione di aprile'
		);

		// Next Monday the member's weekly digest gathers both meetings; the secretary gets none.
		const monday = mailDueAt('weekly', new Date())!;
		await sendDueMails(runtime.db, mailer, ORIGIN, new Date(monday.getTime() + 1000));
		await new Promise((resolve) => setTimeout(resolve, 300));
		const later = smtp.received.slice(before);
		const digests = later.filter(to(c.member.person.email));
		expect(digests).toHaveLength(1);
		expect(digests[0].subject).toBe('Tavolo: 2 novità per te');
		expect(digests[0].text).toContain('Riunione convocata: Cabina di regia n. 1');
		expect(digests[0].text).toContain('Riunione convocata: Riunione di aprile');
		expect(later.filter(to(c.secretary.person.email))).toHaveLength(0);
	});
});
