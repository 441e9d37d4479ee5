import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ical from 'node-ical';
import { readConfig } from '../../../src/lib/server/config';
import { startRuntime, stopRuntime } from '../../../src/lib/server/runtime';
import { notification, notificationPreference } from '../../../src/lib/server/db/schema';
import { createMailer } from '../../../src/lib/server/mail/mailer';
import { sendDueMails } from '../../../src/lib/server/notifications/mail-queue';
import { mailDueAt } from '../../../src/lib/server/notifications/notify';
import * as meetings from '../../../src/lib/server/governance/meetings';
import { createTestDatabase } from '../../support/database';
import { startSmtpServer } from '../../support/smtp-server';
import { buildCommittee } from '../governance/fixture';

/** One database kept across two runtimes: the second plays Tavolo after a restart. */
const database = await createTestDatabase();
const config = readConfig({ ...database.env, SEED_DEMO: 'false' });
let runtime = await startRuntime({ config });
const smtp = await startSmtpServer();
const mailer = createMailer({ smtpUrl: smtp.url, from: 'Tavolo <tavolo@comune.example.it>' });
const ORIGIN = 'https://tavolo.comune.example.it';

describe('notifications of a meeting called, mailed through the durable queue', () => {
	it('survives a restart, sends each mail once, with the link and the .ics', async () => {
		const c = await buildCommittee(runtime);
		// The committee's fixture called a meeting: the secretary, member and partner are told.
		const rows = await runtime.db
			.select()
			.from(notification)
			.where(eq(notification.resourceId, c.meeting.id));
		expect(rows.map((row) => row.recipientId).sort()).toEqual(
			[c.secretary.person.id, c.member.person.id, c.partner.person.id].sort()
		);
		expect(rows.every((row) => row.kind === 'meeting_called' && row.mailedAt === null)).toBe(true);

		// Tavolo stops before any mail left, and starts again on the same database.
		await stopRuntime();
		runtime = await startRuntime({ config });
		const first = await Promise.all([
			sendDueMails(runtime.db, mailer, ORIGIN),
			sendDueMails(runtime.db, mailer, ORIGIN)
		]);
		expect(first[0] + first[1]).toBe(3);
		expect(await sendDueMails(runtime.db, mailer, ORIGIN)).toBe(0);
		const received = await smtp.waitFor(3);
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(smtp.received).toHaveLength(3);

		const toSecretary = received.find((mail) =>
			JSON.stringify(mail.to).includes(c.secretary.person.email)
		)!;
		expect(toSecretary.subject).toBe('Convocazione: Cabina di regia n. 1');
		const link = `${ORIGIN}/projects/${c.projectId}/governance/meetings/${c.meeting.id}`;
		expect(toSecretary.text).toContain(link);
		const attachment = toSecretary.attachments.find((file) => file.filename === 'invito.ics');
		expect(attachment).toBeDefined();
		const events = Object.values(ical.sync.parseICS(attachment!.content.toString())).filter(
			(entry) => entry?.type === 'VEVENT'
		);
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ summary: 'Cabina di regia n. 1' });
		expect((events[0] as { start: Date }).start.toISOString()).toBe('2026-03-05T13:30:00.000Z');
	});

	it('waits for the digest of who chose one, and sends several as one mail', async () => {
		const c = await buildCommittee(runtime);
		await runtime.db
			.insert(notificationPreference)
			.values({ personId: c.member.person.id, kind: 'meeting_called', mailMode: 'daily' });
		for (const title of ['Seconda riunione', 'Terza riunione']) {
			await meetings.schedule(c.ctx(c.chair), c.body.id, {
				title,
				day: '2026-04-02',
				startTime: '10:00',
				endTime: '11:00',
				place: 'Municipio',
				videoLink: '',
				agenda: ['Punto unico']
			});
		}
		const before = smtp.received.length;
		await sendDueMails(runtime.db, mailer, ORIGIN);
		const now = smtp.received.slice(before);
		// The fixture's first meeting was called before the choice: only that one left at once.
		const toMember = now.filter((mail) => JSON.stringify(mail.to).includes(c.member.person.email));
		expect(toMember.some((mail) => mail.text?.includes('Seconda riunione'))).toBe(false);
		// The next morning the daily digest carries both meetings in one mail.
		const tomorrow = mailDueAt('daily', new Date())!;
		await sendDueMails(runtime.db, mailer, ORIGIN, new Date(tomorrow.getTime() + 1000));
		const digests = smtp.received
			.slice(before)
			.filter((mail) => JSON.stringify(mail.to).includes(c.member.person.email))
			.filter((mail) => mail.subject?.startsWith('Tavolo:'));
		expect(digests).toHaveLength(1);
		expect(digests[0].subject).toBe('Tavolo: 2 novità per te');
		expect(digests[0].text).toContain('Seconda riunione');
		expect(digests[0].text).toContain('Terza riunione');
	});
});

describe('when a digest is due', () => {
	it('is 06:00 UTC the next day, or the next Monday; never for "never"', () => {
		const wednesdayNoon = new Date('2026-03-04T12:00:00Z');
		expect(mailDueAt('immediate', wednesdayNoon)).toEqual(wednesdayNoon);
		expect(mailDueAt('daily', wednesdayNoon)?.toISOString()).toBe('2026-03-05T06:00:00.000Z');
		expect(mailDueAt('weekly', wednesdayNoon)?.toISOString()).toBe('2026-03-09T06:00:00.000Z');
		expect(mailDueAt('never', wednesdayNoon)).toBeNull();
	});
});

afterAll(async () => {
	await stopRuntime();
	await database.drop();
});
