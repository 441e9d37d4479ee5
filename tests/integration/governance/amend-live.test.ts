import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readDocument } from '../../../src/lib/server/live/store';
import { documentPermission } from '../../../src/lib/server/live-kinds';
import { romeToday } from '../../../src/lib/governance/rome-time';
import * as minutes from '../../../src/lib/server/governance/minutes';
import {
	minutesBlocks,
	minutesDocumentName,
	pendingSuggestions
} from '../../../src/lib/server/governance/minutes-document';
import { liveDocuments } from '../../../src/lib/server/live/live';
import { signIn } from '../../support/factories';
import { startTestServer } from '../../support/server';
import { connectClient, eventually, roundTrip } from '../../support/collab';
import { CloseCode } from '../../../server/collab/close-codes';
import { buildCommittee } from './fixture';
import { acceptAll, suggestReplacement, typeInto } from './suggestions';

// The collaboration endpoint alone: no SvelteKit build needed.
const server = await startTestServer({ pages: false });
const live = liveDocuments(server.runtime);

/** The names signed on the suggestion marks of the minutes' paragraphs. */
function suggestionAuthors(doc: Y.Doc): Set<string> {
	const names = new Set<string>();
	for (const block of doc.getXmlFragment('default').toArray()) {
		if (!(block instanceof Y.XmlElement)) continue;
		for (const run of block.toArray()) {
			if (!(run instanceof Y.XmlText)) continue;
			for (const op of run.toDelta() as { attributes?: Record<string, { username?: string }> }[]) {
				for (const mark of Object.values(op.attributes ?? {})) names.add(String(mark.username));
			}
		}
	}
	return names;
}

describe('amendments as suggestions during the window', () => {
	it('store a member’s suggestion, refuse approval while it waits, and approve the accepted text', async () => {
		const c = await buildCommittee(server.runtime);
		const name = minutesDocumentName(c.meeting.id);
		await live.write(name, typeInto(await live.read(name), 'Si approva il calendario di massima.'));
		const today = romeToday();
		const weekLater = romeToday(new Date(Date.now() + 7 * 86_400_000));
		await minutes.circulate(c.ctx(c.secretary), c.meeting.id, {
			opensOn: today,
			closesOn: weekLater
		});

		const member = connectClient(server.wsUrl, name, await signIn(c.db, c.member.person.id));
		await member.synced();
		suggestReplacement(member.doc, c.member.person, 'di massima', 'definitivo');
		await eventually(() => {
			const room = server.app.collab.rooms.get(name)?.doc;
			return room ? pendingSuggestions(room) > 0 : false;
		}, 'the suggestion at the server');
		await server.app.collab.rooms.get(name)?.settled();
		const stored = await readDocument(c.db, name);
		expect(pendingSuggestions(stored)).toBe(2);
		expect(suggestionAuthors(stored)).toEqual(new Set([c.member.person.name]));

		await expect(minutes.approve(c.ctx(c.chair), c.meeting.id)).rejects.toMatchObject({
			code: 'gov_minutes_suggestions_pending'
		});

		const chair = connectClient(server.wsUrl, name, await signIn(c.db, c.chair.person.id));
		await chair.synced();
		acceptAll(chair.doc);
		await eventually(() => {
			const room = server.app.collab.rooms.get(name)?.doc;
			return room ? pendingSuggestions(room) === 0 : false;
		}, 'the accepted text at the server');
		await server.app.collab.rooms.get(name)?.settled();
		await eventually(() => minutesBlocks(member.doc)[1]?.text.includes('definitivo') ?? false);

		await minutes.approve(c.ctx(c.chair), c.meeting.id);
		const state = await minutes.minutesState(c.ctx(c.observer), c.meeting.id);
		expect(state.approval?.text).toContain('Si approva il calendario definitivo.');
		expect(state.approval?.text).not.toContain('di massima');
	});

	it('never take a suggestion from someone outside the body', async () => {
		const c = await buildCommittee(server.runtime);
		const name = minutesDocumentName(c.meeting.id);
		const today = romeToday();
		await minutes.circulate(c.ctx(c.secretary), c.meeting.id, {
			opensOn: today,
			closesOn: today
		});
		const outsider = connectClient(server.wsUrl, name, await signIn(c.db, c.outsider.person.id));
		await outsider.synced();
		suggestReplacement(outsider.doc, c.outsider.person, 'Avvio', 'Partenza');
		const member = connectClient(server.wsUrl, name, await signIn(c.db, c.member.person.id));
		await member.synced();
		await server.app.collab.rooms.get(name)?.settled();
		expect(pendingSuggestions(member.doc)).toBe(0);
		expect(pendingSuggestions(await readDocument(c.db, name))).toBe(0);
	});

	it('refuse a member’s direct change inside the window: closed, not stored, not relayed', async () => {
		const c = await buildCommittee(server.runtime);
		const name = minutesDocumentName(c.meeting.id);
		await live.write(name, typeInto(await live.read(name), 'Si approva il calendario di massima.'));
		const today = romeToday();
		await minutes.circulate(c.ctx(c.secretary), c.meeting.id, {
			opensOn: today,
			closesOn: today
		});
		expect(await documentPermission(c.db, c.member.actor, name)).toBe('suggest');
		expect(await documentPermission(c.db, c.chair.actor, name)).toBe('write');
		const chair = connectClient(server.wsUrl, name, await signIn(c.db, c.chair.person.id));
		const member = connectClient(server.wsUrl, name, await signIn(c.db, c.member.person.id));
		await Promise.all([chair.synced(), member.synced()]);
		const closed = member.nextClose();
		typeInto(member.doc, 'Non ');
		expect((await closed).code).toBe(CloseCode.SuggestionsOnly);
		await server.app.collab.rooms.get(name)?.settled();
		await roundTrip(chair);
		expect(minutesBlocks(chair.doc)[1].text).toBe('Si approva il calendario di massima.');
		expect(minutesBlocks(await readDocument(c.db, name))[1].text).toBe(
			'Si approva il calendario di massima.'
		);
	});
});
