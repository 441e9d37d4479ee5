import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../../support/server';
import { connectClient } from '../../support/collab';
import { signIn } from '../../support/factories';
import { readDocument } from '../../../src/lib/server/live/store';
import * as sections from '../../../src/lib/server/proposals/sections';
import { sectionJson } from '../../../src/lib/server/proposals/section-content';
import { plainText } from '../../../src/lib/proposals/section-text';
import { sectionEditor } from '../../support/section-editor';
import { buildProposalTable } from './fixture';

let server: TestServer;
let table: Awaited<ReturnType<typeof buildProposalTable>>;
let name: string;
beforeAll(async () => {
	server = await startTestServer({ pages: false });
	table = await buildProposalTable(server.runtime);
	name = `section:${table.sections[0].id}`;
});

/** Types a paragraph into the section's fragment, as the editor would. */
function type(doc: Y.Doc, text: string): void {
	const fragment = doc.getXmlFragment('default');
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.insert(0, [new Y.XmlText(text)]);
	fragment.insert(fragment.length, [paragraph]);
}

async function storedText(): Promise<string> {
	const doc = await readDocument(server.runtime.db, name);
	return plainText(sectionJson(doc));
}

/** Resolves once `done()` holds, checked after every change of the document. */
function until(doc: Y.Doc, done: () => boolean): Promise<void> {
	if (done()) return Promise.resolve();
	return new Promise((resolve) => {
		const check = () => {
			if (!done()) return;
			doc.off('update', check);
			resolve();
		};
		doc.on('update', check);
	});
}

/**
 * Messages of one socket are handled in order: once a client's presence marker reaches another
 * client, the document update it sent before has been handled by the server.
 */
function markerSeen(client: ReturnType<typeof connectClient>, marker: string): Promise<void> {
	return new Promise((resolve) =>
		client.provider.awareness.on('change', () => {
			const states = [...client.provider.awareness.getStates().values()];
			if (states.some((state) => state.marker === marker)) resolve();
		})
	);
}

/** A fresh connection that syncs sees what the server's room holds. */
async function roomText(cookie: string): Promise<string> {
	const probe = connectClient(server.wsUrl, name, cookie);
	await probe.synced();
	const text = plainText(sectionJson(probe.doc));
	probe.destroy();
	return text;
}

describe('section documents over the collaboration server', () => {
	it('stores an owner’s edit and a non-owner’s suggestion, drops an observer’s', async () => {
		const ownerCookie = await signIn(table.db, table.owner.person.id);
		const owner = connectClient(server.wsUrl, name, ownerCookie);
		const partner = connectClient(
			server.wsUrl,
			name,
			await signIn(table.db, table.partner.person.id)
		);
		const observer = connectClient(
			server.wsUrl,
			name,
			await signIn(table.db, table.observer.person.id)
		);
		await Promise.all([owner.synced(), partner.synced(), observer.synced()]);
		type(owner.doc, 'dal capofila');
		// The partner does not own the section: their editor suggests (ADR 0051, 0095).
		await until(partner.doc, () => plainText(sectionJson(partner.doc)).includes('dal capofila'));
		const suggesting = sectionEditor(partner.doc, {
			id: table.partner.person.id,
			name: table.partner.person.name
		});
		suggesting.change((tr) => tr.insertText(' proposta del partner', suggesting.after('capofila')));
		// What the observer receives, the server has applied.
		await until(observer.doc, () =>
			plainText(sectionJson(observer.doc)).includes('proposta del partner')
		);
		await until(observer.doc, () => plainText(sectionJson(observer.doc)).includes('dal capofila'));
		type(observer.doc, 'osservatore');
		const presence = markerSeen(owner, 'after-typing');
		observer.provider.awareness.setLocalStateField('marker', 'after-typing');
		await presence;
		const seen = await roomText(ownerCookie);
		expect(seen).toContain('dal capofila');
		expect(seen).toContain('proposta del partner');
		expect(seen).not.toContain('osservatore');
		expect(await storedText()).not.toContain('osservatore');
	});

	it('turns every editor read-only when the coordinator locks the section', async () => {
		const ownerCookie = await signIn(table.db, table.owner.person.id);
		const owner = connectClient(server.wsUrl, name, ownerCookie);
		await owner.synced();
		const closed = owner.nextClose();
		await sections.lock(table.ctx(table.coordinator), {
			sectionId: table.sections[0].id
		});
		expect((await closed).reason).toBe('access changed');
		await owner.synced();
		const watcher = connectClient(
			server.wsUrl,
			name,
			await signIn(table.db, table.observer.person.id)
		);
		await watcher.synced();
		type(owner.doc, 'dopo il blocco');
		const presence = markerSeen(watcher, 'after-lock');
		owner.provider.awareness.setLocalStateField('marker', 'after-lock');
		await presence;
		expect(await roomText(ownerCookie)).not.toContain('dopo il blocco');
		expect(await storedText()).not.toContain('dopo il blocco');
	});
});
