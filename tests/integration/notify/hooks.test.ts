import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { notification, type NotificationKind } from '../../../src/lib/server/db/schema';
import * as actionItems from '../../../src/lib/server/governance/action-items';
import * as decisions from '../../../src/lib/server/governance/decisions';
import * as minutes from '../../../src/lib/server/governance/minutes';
import * as comments from '../../../src/lib/server/proposals/comments';
import * as sections from '../../../src/lib/server/proposals/sections';
import { notifyOverdueWork } from '../../../src/lib/server/notifications/overdue';
import { romeToday } from '../../../src/lib/governance/rome-time';
import { buildMember, buildPerson, buildProject } from '../../support/factories';
import { buildCommittee, startGovernanceRuntime } from '../governance/fixture';
import { anchorInText, buildProposalTable } from '../proposals/fixture';

const { runtime } = await startGovernanceRuntime();
const db = runtime.db;

/** Who was told of `kind` about `resourceId`, sorted. */
async function told(kind: NotificationKind, resourceId: string): Promise<string[]> {
	const rows = await db
		.select({ recipientId: notification.recipientId })
		.from(notification)
		.where(and(eq(notification.kind, kind), eq(notification.resourceId, resourceId)));
	return rows.map((row) => row.recipientId).sort();
}
const ids = (...people: { person: { id: string } }[]) => people.map((p) => p.person.id).sort();

describe('a section assigned to your organisation', () => {
	it('tells the organisation’s people in the project, when the proposal is made and later', async () => {
		const t = await buildProposalTable(runtime);
		// A colleague of the owner in the same project (observer: reads, so is told), and one in
		// the same organisation who is not in this project (never told).
		const colleague = await buildMember(db, {
			projectId: t.project.id,
			role: 'observer',
			organisationId: t.owner.organisationId
		});
		const elsewhere = await buildProject(db);
		await buildMember(db, {
			projectId: elsewhere.id,
			role: 'partner_editor',
			organisationId: t.partner.organisationId
		});
		// Sections 1 and 5 were given to the owner's organisation when the proposal was made,
		// before the colleague joined.
		const first = t.sections[0];
		expect(await told('section_assigned', first.id)).toEqual(ids(t.owner));
		const [row] = await db.select().from(notification).where(eq(notification.resourceId, first.id));
		expect(row.link).toBe(
			`/projects/${t.project.id}/proposals/${t.proposal.id}#section-${first.id}`
		);
		expect(row.title).toBe(`${first.number}. ${first.title}`);

		// The coordinator adds the partner's organisation to section 1: only the partner is told.
		await sections.setOwners(t.ctx(t.coordinator), {
			sectionId: first.id,
			organisationIds: [t.owner.organisationId, t.partner.organisationId]
		});
		expect(await told('section_assigned', first.id)).toEqual(ids(t.owner, t.partner));
		// Section 3 to the owner's organisation: the owner and the colleague, not the coordinator.
		const third = t.sections[2];
		await sections.setOwners(t.ctx(t.coordinator), {
			sectionId: third.id,
			organisationIds: [t.owner.organisationId]
		});
		expect(await told('section_assigned', third.id)).toEqual(ids(t.owner, colleague));
	});
});

describe('a comment on your text', () => {
	it('tells the section’s writers and the thread’s earlier authors, never the commenter', async () => {
		const t = await buildProposalTable(runtime);
		const section = t.sections[0];
		const anchor = anchorInText();
		const thread = await comments.create(t.ctx(t.partner), {
			sectionId: section.id,
			anchorFrom: anchor,
			anchorTo: anchor,
			quotedText: 'Giovani',
			body: 'Serve una fonte?'
		});
		// The owner writes section 1; the coordinator, observer and the partner (author) are not told.
		expect(await told('comment_on_text', section.id)).toEqual(ids(t.owner));
		await comments.reply(t.ctx(t.owner), { threadId: thread.id, body: 'Aggiunta.' });
		// The owner's reply tells the partner, who wrote earlier in the thread.
		expect(await told('comment_on_text', section.id)).toEqual(ids(t.owner, t.partner));
		// A comment on an unowned section tells nobody but earlier authors (none).
		const unowned = t.sections[1];
		await comments.create(t.ctx(t.partner), {
			sectionId: unowned.id,
			anchorFrom: anchor,
			anchorTo: anchor,
			quotedText: 'Giovani',
			body: 'Chi la scrive?'
		});
		expect(await told('comment_on_text', unowned.id)).toEqual([]);
	});
});

describe('minutes circulated for amendment', () => {
	it('tells the body’s members, not who circulated them nor people outside the body', async () => {
		const c = await buildCommittee(runtime);
		await minutes.circulate(c.ctx(c.secretary), c.meeting.id, {
			opensOn: romeToday(),
			closesOn: romeToday(new Date(Date.now() + 7 * 86_400_000))
		});
		expect(await told('minutes_circulated', c.meeting.id)).toEqual(
			ids(c.chair, c.member, c.partner)
		);
	});
});

describe('a decision or an action item assigned to you, or overdue', () => {
	it('tells the one named, if they may read the project’s governance; overdue once', async () => {
		const c = await buildCommittee(runtime);
		const stranger = { person: await buildPerson(db) };
		const propose = (ownerPersonId: string) =>
			decisions.propose(c.ctx(c.secretary), {
				meetingId: c.meeting.id,
				agendaItemId: null,
				text: 'Avviare i tirocini nel Legnanese entro marzo',
				quote: '',
				ownerOrganisationId: null,
				ownerPersonId,
				dueOn: null,
				links: []
			});
		const toMember = await propose(c.member.person.id);
		expect(await told('decision_assigned', toMember.id)).toEqual(ids(c.member));
		const toStranger = await propose(stranger.person.id);
		expect(await told('decision_assigned', toStranger.id)).toEqual([]);
		const toSelf = await propose(c.secretary.person.id);
		expect(await told('decision_assigned', toSelf.id)).toEqual([]);

		const yesterday = romeToday(new Date(Date.now() - 86_400_000));
		const item = (title: string, ownerPersonId: string, dueOn: string | null) =>
			actionItems.create(c.ctx(c.chair), c.projectId, {
				title,
				ownerPersonId,
				ownerOrganisationId: null,
				dueOn,
				meetingId: null,
				decisionId: null
			});
		const late = await item('Inviare il calendario', c.observer.person.id, yesterday);
		const done = await item('Prenotare la sala', c.member.person.id, yesterday);
		const later = await item('Scrivere il report', c.member.person.id, '2099-01-01');
		const foreign = await item('Chiamare il Comune', stranger.person.id, yesterday);
		expect(await told('action_item_assigned', late.id)).toEqual(ids(c.observer));
		expect(await told('action_item_assigned', foreign.id)).toEqual([]);
		await actionItems.setDone(c.ctx(c.member), { actionItemId: done.id, done: true });

		await notifyOverdueWork(db);
		expect(await told('action_item_overdue', late.id)).toEqual(ids(c.observer));
		expect(await told('action_item_overdue', done.id)).toEqual([]);
		expect(await told('action_item_overdue', later.id)).toEqual([]);
		expect(await told('action_item_overdue', foreign.id)).toEqual([]);
		// Told once, however many rounds (and instances) run.
		await Promise.all([notifyOverdueWork(db), notifyOverdueWork(db)]);
		expect(await told('action_item_overdue', late.id)).toEqual(ids(c.observer));
	});
});
