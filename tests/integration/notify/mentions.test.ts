import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { notification } from '../../../src/lib/server/db/schema';
import * as comments from '../../../src/lib/server/proposals/comments';
import { mentionCandidates } from '../../../src/lib/server/mentions/candidates';
import { mentionToken } from '../../../src/lib/mentions/comment-text';
import { createPostgresPersistence } from '../../../server/collab/persistence/postgres';
import { createMailer } from '../../../src/lib/server/mail/mailer';
import { sendDueMails } from '../../../src/lib/server/notifications/mail-queue';
import { startSmtpServer } from '../../support/smtp-server';
import { buildMember, buildPerson, buildProject } from '../../support/factories';
import { buildCommittee, startGovernanceRuntime } from '../governance/fixture';
import { anchorInText, buildProposalTable } from '../proposals/fixture';

const { runtime } = await startGovernanceRuntime();
const db = runtime.db;

/** Who was told of a mention about `resourceId`, sorted. */
async function mentioned(resourceId: string): Promise<string[]> {
	const rows = await db
		.select({ recipientId: notification.recipientId })
		.from(notification)
		.where(and(eq(notification.kind, 'mention'), eq(notification.resourceId, resourceId)));
	return rows.map((row) => row.recipientId).sort();
}

/** A Yjs update whose text says "Ciao @A, @B" with mention nodes, as TipTap stores them. */
function textMentioning(people: { id: string; name: string }[]): Uint8Array {
	const doc = new Y.Doc();
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.insert(0, [
		new Y.XmlText('Ciao '),
		...people.map((who) => {
			const node = new Y.XmlElement('mention');
			node.setAttribute('id', who.id);
			node.setAttribute('label', who.name);
			return node;
		})
	]);
	doc.getXmlFragment('default').insert(0, [paragraph]);
	return Y.encodeStateAsUpdate(doc);
}

describe('mentions in live minutes', () => {
	it('tells a mentioned reader once, when the document is stored; not someone outside the project', async () => {
		const c = await buildCommittee(runtime);
		const elsewhere = await buildProject(db);
		const stranger = await buildMember(db, { projectId: elsewhere.id, role: 'coordinator' });
		const name = `minutes:${c.meeting.id}`;
		const persistence = createPostgresPersistence(db);
		await persistence.append(
			name,
			textMentioning([c.observer.person, stranger.person, c.secretary.person]),
			c.secretary.person.id
		);
		// The same mention stored again (another keystroke) tells nobody twice.
		await persistence.append(name, textMentioning([c.observer.person]), c.secretary.person.id);
		await persistence.close();
		// The observer reads the governance: told. The stranger is no member: nothing. The
		// secretary wrote the mention of herself: nothing.
		expect(await mentioned(c.meeting.id)).toEqual([c.observer.person.id]);
		const [row] = await db
			.select()
			.from(notification)
			.where(and(eq(notification.kind, 'mention'), eq(notification.resourceId, c.meeting.id)));
		expect(row.title).toBe('Cabina di regia n. 1');
		expect(row.link).toBe(`/projects/${c.projectId}/governance/meetings/${c.meeting.id}`);
	});

	it("reads the room's live copy when the document is open, not the stored updates again", async () => {
		const c = await buildCommittee(runtime);
		const name = `minutes:${c.meeting.id}`;
		// The live copy mentions the member; what is stored mentions nobody. A scan that read the
		// stored updates again would tell no one.
		const live = new Y.Doc();
		Y.applyUpdate(live, textMentioning([c.member.person]));
		const persistence = createPostgresPersistence(db, {
			liveDocument: (documentName) => (documentName === name ? live : undefined)
		});
		await persistence.append(name, textMentioning([]), c.secretary.person.id);
		await persistence.close();
		expect(await mentioned(c.meeting.id)).toEqual([c.member.person.id]);
		// Only read: the room keeps its document.
		expect(live.isDestroyed).toBe(false);
	});

	it('offers only the people who may read the document, and refuses a non-reader', async () => {
		const c = await buildCommittee(runtime);
		const elsewhere = await buildProject(db);
		await buildMember(db, { projectId: elsewhere.id, role: 'coordinator' });
		const name = `minutes:${c.meeting.id}`;
		const offered = await mentionCandidates(db, c.chair.actor, name, '');
		expect(offered.map((p) => p.id).sort()).toEqual(
			[c.secretary, c.member, c.partner, c.outsider, c.observer].map((p) => p.person.id).sort()
		);
		const observerName = c.observer.person.name;
		const byStart = await mentionCandidates(db, c.chair.actor, name, observerName.slice(0, 4));
		expect(byStart.map((p) => p.id)).toContain(c.observer.person.id);
		const outsider = await buildPerson(db);
		await expect(
			mentionCandidates(db, { ...c.chair.actor, id: outsider.id }, name, '')
		).rejects.toMatchObject({ status: 404 });
	});
});

describe('mentions in comments', () => {
	it('tells a mentioned reader of the proposal; a mention of someone outside does nothing', async () => {
		const t = await buildProposalTable(runtime);
		const elsewhere = await buildProject(db);
		const stranger = await buildMember(db, { projectId: elsewhere.id, role: 'partner_editor' });
		const anchor = anchorInText();
		const thread = await comments.create(t.ctx(t.partner), {
			sectionId: t.sections[1].id,
			anchorFrom: anchor,
			anchorTo: anchor,
			quotedText: 'Giovani',
			body: `Ne parliamo con ${mentionToken(t.coordinator.person.name, t.coordinator.person.id)} e ${mentionToken('X', stranger.person.id)}?`
		});
		expect(await mentioned(thread.id)).toEqual([t.coordinator.person.id]);
		const [row] = await db
			.select()
			.from(notification)
			.where(and(eq(notification.kind, 'mention'), eq(notification.resourceId, thread.id)));
		expect(row.link).toBe(
			`/projects/${t.project.id}/proposals/${t.proposal.id}#section-${t.sections[1].id}`
		);
		// A reply mentioning only the stranger tells nobody more.
		await comments.reply(t.ctx(t.owner), {
			threadId: thread.id,
			body: `Chiedo a ${mentionToken('Y', stranger.person.id)}`
		});
		expect(await mentioned(thread.id)).toEqual([t.coordinator.person.id]);
	});
});

describe('the mail of a mention', () => {
	it('names the text and links to it', async () => {
		const smtp = await startSmtpServer();
		const mailer = createMailer({ smtpUrl: smtp.url, from: 'Tavolo <tavolo@comune.example.it>' });
		const t = await buildProposalTable(runtime);
		const anchor = anchorInText();
		const section = t.sections[2];
		await comments.create(t.ctx(t.owner), {
			sectionId: section.id,
			anchorFrom: anchor,
			anchorTo: anchor,
			quotedText: 'Giovani',
			body: `Guarda qui ${mentionToken(t.observer.person.name, t.observer.person.id)}`
		});
		const origin = 'https://tavolo.comune.example.it';
		let sent = 0;
		for (let batch = 1; batch > 0; sent += batch) batch = await sendDueMails(db, mailer, origin);
		const received = await smtp.waitFor(sent);
		const mail = received.find((one) => JSON.stringify(one.to).includes(t.observer.person.email));
		expect(mail?.subject).toBe(`Ti hanno menzionato: ${section.number}. ${section.title}`);
		expect(mail?.text).toContain(
			`${origin}/projects/${t.project.id}/proposals/${t.proposal.id}#section-${section.id}`
		);
		await smtp.stop();
	});
});
