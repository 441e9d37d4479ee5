import { describe, expect, it } from 'vitest';
import { and, count, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import { decision, notification, notificationPreference } from '../../../src/lib/server/db/schema';
import { countStatements } from '../../../src/lib/server/db/statement-count';
import * as decisions from '../../../src/lib/server/governance/decisions';
import { createMailer } from '../../../src/lib/server/mail/mailer';
import { sendDueMails } from '../../../src/lib/server/notifications/mail-queue';
import { notifyOverdueWork } from '../../../src/lib/server/notifications/overdue';
import { romeToday } from '../../../src/lib/governance/rome-time';
import { addDecisions } from '../../support/bulk-rows';
import { startSmtpServer } from '../../support/smtp-server';
import { buildCommittee, startGovernanceRuntime } from '../governance/fixture';

const { runtime } = await startGovernanceRuntime();
const db = runtime.db;
const smtp = await startSmtpServer();
const mailer = createMailer({ smtpUrl: smtp.url, from: 'Tavolo <tavolo@comune.example.it>' });
const ORIGIN = 'https://tavolo.comune.example.it';

async function overdueNotices(decisionId: string) {
	return db
		.select()
		.from(notification)
		.where(and(eq(notification.kind, 'decision_overdue'), eq(notification.resourceId, decisionId)));
}

describe('a decision assigned to you and overdue', () => {
	it('tells its owner once, in the app and by mail, and only while it is still to carry out', async () => {
		const c = await buildCommittee(runtime);
		const yesterday = romeToday(new Date(Date.now() - 86_400_000));
		const decide = (text: string, outcome: 'proposed' | 'approved', dueOn: string) =>
			decisions.propose(c.ctx(c.chair), {
				outcome,
				meetingId: c.meeting.id,
				agendaItemId: null,
				text,
				quote: '',
				ownerOrganisationId: null,
				ownerPersonId: c.member.person.id,
				dueOn,
				links: []
			});
		const late = await decide(
			'Firmare la convenzione con il Comune di Legnano',
			'approved',
			yesterday
		);
		const notVoted = await decide('Aprire uno sportello a Parabiago', 'proposed', yesterday);
		const done = await decide('Nominare il referente del tavolo', 'approved', yesterday);
		await decisions.transition(c.ctx(c.chair), {
			decisionId: done.id,
			to: 'done',
			note: '',
			supersededById: null
		});
		const notYet = await decide('Pubblicare il bando', 'approved', '2099-01-01');
		// The assignment mails of the fixture and of these decisions leave first.
		await sendDueMails(db, mailer, ORIGIN);
		const before = smtp.received.length;

		// Two rounds at once (two instances), then another: one notice, one mail.
		await Promise.all([notifyOverdueWork(db), notifyOverdueWork(db)]);
		await notifyOverdueWork(db);
		const notices = await overdueNotices(late.id);
		expect(notices.map((row) => row.recipientId)).toEqual([c.member.person.id]);
		expect(notices[0].title).toBe('Firmare la convenzione con il Comune di Legnano');
		for (const other of [notVoted, done, notYet]) {
			expect(await overdueNotices(other.id)).toEqual([]);
		}

		expect(await sendDueMails(db, mailer, ORIGIN)).toBe(1);
		const [mail] = (await smtp.waitFor(before + 1)).slice(before);
		expect(JSON.stringify(mail.to)).toContain(c.member.person.email);
		expect(mail.text).toContain(
			'Decisione scaduta: Firmare la convenzione con il Comune di Legnano'
		);
		expect(mail.text).toContain(
			`${ORIGIN}/projects/${c.projectId}/governance/decisions/${late.id}`
		);
		await notifyOverdueWork(db);
		expect(await sendDueMails(db, mailer, ORIGIN)).toBe(0);
	});

	it('follows the owner’s choice: a daily digest waits, "never" stays in the app', async () => {
		const c = await buildCommittee(runtime);
		await db.insert(notificationPreference).values([
			{ personId: c.member.person.id, kind: 'decision_overdue', mailMode: 'never' },
			{ personId: c.secretary.person.id, kind: 'decision_overdue', mailMode: 'daily' }
		]);
		const yesterday = romeToday(new Date(Date.now() - 86_400_000));
		const owned = async (ownerPersonId: string) =>
			decisions.propose(c.ctx(c.chair), {
				outcome: 'approved',
				meetingId: c.meeting.id,
				agendaItemId: null,
				text: 'Aggiornare il cronoprogramma',
				quote: '',
				ownerOrganisationId: null,
				ownerPersonId,
				dueOn: yesterday,
				links: []
			});
		const toMember = await owned(c.member.person.id);
		const toSecretary = await owned(c.secretary.person.id);
		await notifyOverdueWork(db);
		const [never] = await overdueNotices(toMember.id);
		expect(never.mailDueAt).toBeNull();
		const [daily] = await overdueNotices(toSecretary.id);
		expect(daily.mailDueAt!.getUTCHours()).toBe(6);
		expect(daily.mailDueAt!.getTime()).toBeGreaterThan(Date.now());
	});

	it('tells a backlog of a thousand owners in a handful of statements, not a few per decision', async () => {
		const c = await buildCommittee(runtime);
		await addDecisions(db, c.projectId, 1_500);
		const today = romeToday(new Date());
		const [{ overdue }] = await db
			.select({ overdue: count() })
			.from(decision)
			.where(
				and(
					eq(decision.projectId, c.projectId),
					inArray(decision.status, ['approved', 'in_progress']),
					isNotNull(decision.ownerPersonId),
					lt(decision.dueOn, today)
				)
			);
		expect(overdue).toBeGreaterThan(100);

		const { tally, result } = countStatements(() => notifyOverdueWork(db));
		expect(await result).toBe(overdue);
		// The lock, the two look-ups, one membership look-up for the project, the preferences,
		// the inserts: the same few statements for 1,500 decisions as for one.
		expect(tally.statements.length).toBeLessThanOrEqual(8);
		const [{ told }] = await db
			.select({ told: count() })
			.from(notification)
			.where(
				and(eq(notification.kind, 'decision_overdue'), eq(notification.projectId, c.projectId))
			);
		expect(told).toBe(overdue);
		expect(await notifyOverdueWork(db)).toBe(0);
	});
});
