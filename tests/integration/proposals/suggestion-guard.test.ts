import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer } from '../../support/server';
import { connectClient, eventually, roundTrip, type TestClient } from '../../support/collab';
import { signIn } from '../../support/factories';
import { at, sectionEditor } from '../../support/section-editor';
import { readDocument } from '../../../src/lib/server/live/store';
import { agreedText, suggestionKey } from '../../../src/lib/editor/suggestions/agreed-text';
import { SECTION_FRAGMENT } from '../../../src/lib/proposals/editor-schema';
import { CloseCode } from '../../../server/collab/close-codes';
import * as sections from '../../../src/lib/server/proposals/sections';
import { buildProposalTable } from './fixture';

const server = await startTestServer({ pages: false });
const table = await buildProposalTable(server.runtime);
const AGREED = 'Giovani inoccupati del territorio.';

const textOf = (doc: Y.Doc) => {
	const fragment = doc.getXmlFragment(SECTION_FRAGMENT);
	return fragment.length === 0 ? '' : sectionEditor(doc).text();
};

/**
 * Section 1 belongs to the owner's organisation: the other partner may only suggest there.
 * Each test gets a fresh copy of the agreed text, written directly by the owner.
 */
async function ownerAndPartner() {
	const sectionId = table.sections[0].id;
	const name = `section:${sectionId}`;
	const owner = connectClient(server.wsUrl, name, await signIn(table.db, table.owner.person.id));
	await owner.synced();
	const ownerEditor = sectionEditor(owner.doc);
	const fragment = owner.doc.getXmlFragment(SECTION_FRAGMENT);
	owner.doc.transact(() => fragment.delete(0, fragment.length));
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.insert(0, [new Y.XmlText(AGREED)]);
	fragment.insert(0, [paragraph]);
	const partner = connectClient(
		server.wsUrl,
		name,
		await signIn(table.db, table.partner.person.id)
	);
	await partner.synced();
	await eventually(() => textOf(partner.doc) === AGREED, 'the agreed text at the partner');
	const author = { id: table.partner.person.id, name: table.partner.person.name };
	return { name, owner, ownerEditor, partner, author };
}

/** Everything the server will ever relay or store of what was sent so far has been. */
async function settled(name: string, ...clients: TestClient[]) {
	await server.app.collab.rooms.get(name)?.settled();
	for (const client of clients) await roundTrip(client);
}

async function storedText(name: string): Promise<string> {
	await server.app.collab.rooms.get(name)?.settled();
	return textOf(await readDocument(table.db, name));
}

describe('suggest-only partners on the collaboration server', () => {
	it('stores and relays their suggestions, signed with their own id', async () => {
		const { name, owner, partner, author } = await ownerAndPartner();
		const editor = sectionEditor(partner.doc, author);
		// Two keystrokes at once: the second builds on the first while it is still being stored.
		editor.change((tr) => at(tr, editor.after('inoccupati')).insertText(' e'));
		editor.change((tr) => at(tr, editor.after('inoccupati') + ' e'.length).insertText(' NEET'));
		editor.change((tr) => tr.delete(editor.before('del '), editor.after('del ')));

		await eventually(() => textOf(owner.doc).includes('inoccupati e NEET'), 'the suggestion');
		const seen = agreedText(owner.doc.getXmlFragment(SECTION_FRAGMENT));
		expect(seen.suggested.get(suggestionKey('suggestion_insert', author.id))).toBe(' e NEET');
		expect(seen.suggested.get(suggestionKey('suggestion_delete', author.id))).toBe('del ');
		const stored = await readDocument(table.db, name);
		expect(agreedText(stored.getXmlFragment(SECTION_FRAGMENT))).toEqual(seen);
		expect(partner.provider.wsconnected).toBe(true);
	});

	it('refuses a raw update that inserts unmarked text: closed, not stored, not relayed', async () => {
		const { name, owner, partner } = await ownerAndPartner();
		const closed = partner.nextClose();
		const text = (partner.doc.getXmlFragment(SECTION_FRAGMENT).get(0) as Y.XmlElement).get(0);
		(text as Y.XmlText).insert(0, 'Non ');
		expect(await closed).toEqual({
			code: CloseCode.SuggestionsOnly,
			reason: 'suggestions only: agreed_text_changed'
		});
		await settled(name, owner);
		expect(textOf(owner.doc)).toBe(AGREED);
		expect(textOf(server.app.collab.rooms.get(name)!.doc)).toBe(AGREED);
		expect(await storedText(name)).toBe(AGREED);
		// Terminal: the stock client does not come back to send the same state again.
		expect(partner.provider.shouldConnect).toBe(false);
	});

	it('refuses a raw update that deletes agreed text', async () => {
		const { name, owner, partner } = await ownerAndPartner();
		const closed = partner.nextClose();
		const text = (partner.doc.getXmlFragment(SECTION_FRAGMENT).get(0) as Y.XmlElement).get(0);
		(text as Y.XmlText).delete(0, 'Giovani '.length);
		expect((await closed).code).toBe(CloseCode.SuggestionsOnly);
		await settled(name, owner);
		expect(textOf(owner.doc)).toBe(AGREED);
		expect(await storedText(name)).toBe(AGREED);
	});

	it('refuses a suggestion forged in the owner’s name', async () => {
		const { name, owner, partner } = await ownerAndPartner();
		const closed = partner.nextClose();
		const forger = sectionEditor(partner.doc, {
			id: table.owner.person.id,
			name: table.owner.person.name
		});
		forger.change((tr) => at(tr, forger.after('territorio')).insertText(' ovest'));
		expect(await closed).toEqual({
			code: CloseCode.SuggestionsOnly,
			reason: 'suggestions only: foreign_suggestion'
		});
		await settled(name, owner);
		expect(textOf(owner.doc)).toBe(AGREED);
		expect(await storedText(name)).toBe(AGREED);
	});

	it('refuses content outside the section text, even where the owner wrote some', async () => {
		const { name, owner, partner } = await ownerAndPartner();
		owner.doc.getMap('hidden').set('owner', 'kept');
		await eventually(
			() => partner.doc.getMap('hidden').get('owner') === 'kept',
			'the owner’s map at the partner'
		);
		const closed = partner.nextClose();
		partner.doc.getMap('hidden').set('partner', 'not in the text');
		expect(await closed).toEqual({
			code: CloseCode.SuggestionsOnly,
			reason: 'suggestions only: outside_the_text'
		});
		await settled(name, owner);
		expect(owner.doc.getMap('hidden').has('partner')).toBe(false);
		expect((await readDocument(table.db, name)).getMap('hidden').toJSON()).toEqual({
			owner: 'kept'
		});
	});

	it('still applies the owner’s direct edits, after a refusal too', async () => {
		const { name, ownerEditor, partner } = await ownerAndPartner();
		const closed = partner.nextClose();
		(partner.doc.getXmlFragment(SECTION_FRAGMENT).get(0) as Y.XmlElement).delete(0, 1);
		await closed;
		ownerEditor.change((tr) => at(tr, ownerEditor.after('inoccupati')).insertText(' e NEET'));
		const watcher = connectClient(
			server.wsUrl,
			name,
			await signIn(table.db, table.observer.person.id)
		);
		await eventually(() => textOf(watcher.doc).includes('inoccupati e NEET'), 'the owner’s edit');
		expect(await storedText(name)).toBe('Giovani inoccupati e NEET del territorio.');
	});

	it('re-authorises open editors when the owners change: a new owner edits directly', async () => {
		const { name, owner, partner } = await ownerAndPartner();
		const reauthorised = partner.nextClose();
		const ownersOf = (organisationIds: string[]) =>
			sections.setOwners(table.ctx(table.coordinator), {
				sectionId: table.sections[0].id,
				organisationIds
			});
		await ownersOf([table.owner.organisationId, table.partner.organisationId]);
		expect(await reauthorised).toEqual({ code: CloseCode.AccessChanged, reason: 'access changed' });
		await partner.synced();
		const text = (partner.doc.getXmlFragment(SECTION_FRAGMENT).get(0) as Y.XmlElement).get(0);
		(text as Y.XmlText).insert(0, 'Anche ');
		await eventually(() => textOf(owner.doc).startsWith('Anche '), 'the new owner’s edit');
		expect(await storedText(name)).toBe(`Anche ${AGREED}`);
		await ownersOf([table.owner.organisationId]);
	});
});
