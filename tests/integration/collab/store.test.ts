import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { InvalidError } from '../../../src/lib/server/errors';
import {
	appendStoredUpdates,
	compactStoredDocument,
	readDocument
} from '../../../src/lib/server/live/store';
import { writeDocumentUpdate } from '../../../src/lib/server/live/live';
import { buildMember, buildProject, signIn } from '../../support/factories';
import { startTestServer } from '../../support/server';
import { connectClient, eventually } from '../../support/collab';

const server = await startTestServer({ pages: false });
const { runtime } = server;

async function notes() {
	const project = await buildProject(runtime.db);
	const member = await buildMember(runtime.db, { projectId: project.id, role: 'partner_editor' });
	return { name: `notes:${project.id}`, cookie: await signIn(runtime.db, member.person.id) };
}

/** What domain code does: change a copy of the document, write the difference. */
async function append(name: string, text: string) {
	const doc = await readDocument(runtime, name);
	const before = Y.encodeStateVector(doc);
	doc.getText('body').insert(doc.getText('body').length, text);
	await writeDocumentUpdate(runtime, name, Y.encodeStateAsUpdate(doc, before));
}

describe('document store for domain code', () => {
	it('reads a document from its snapshot and the updates after it', async () => {
		const { name } = await notes();
		await append(name, 'uno ');
		await append(name, 'due ');
		await compactStoredDocument(runtime.db, name);
		await append(name, 'tre');
		expect((await readDocument(runtime.db, name)).getText('body').toString()).toBe('uno due tre');
	});

	it('shows a written update at once to everyone editing the document', async () => {
		const { name, cookie } = await notes();
		const client = connectClient(server.wsUrl, name, cookie);
		await client.synced();
		client.text.insert(0, 'Decisione: ');
		await eventually(() => server.app.collab.rooms.get(name)?.doc.getText('body').length === 11);
		await append(name, '[D-12]');
		await eventually(() => client.text.toString() === 'Decisione: [D-12]');
		expect(client.text.toString()).toBe('Decisione: [D-12]');
	});

	it('keeps what was written while nobody had the document open', async () => {
		const { name, cookie } = await notes();
		await append(name, 'scritto dal server');
		const client = connectClient(server.wsUrl, name, cookie);
		await client.synced();
		expect(client.text.toString()).toBe('scritto dal server');
	});

	it('refuses bytes that are not a Yjs update and names that are not documents', async () => {
		const { name } = await notes();
		await expect(writeDocumentUpdate(runtime, name, Uint8Array.from([9, 9, 9]))).rejects.toThrow(
			InvalidError
		);
		const empty = Y.encodeStateAsUpdate(new Y.Doc());
		await expect(writeDocumentUpdate(runtime, 'notes:1', empty)).rejects.toThrow(InvalidError);
	});

	it('lets two compactions race without losing or repeating anything', async () => {
		const { name } = await notes();
		for (const word of ['uno ', 'due ', 'tre ']) await append(name, word);
		const merged = await Promise.all([
			compactStoredDocument(runtime.db, name),
			compactStoredDocument(runtime.db, name)
		]);
		expect(merged.sort()).toEqual([0, 3]);
		await append(name, 'quattro');
		await compactStoredDocument(runtime.db, name);
		expect((await readDocument(runtime.db, name)).getText('body').toString()).toBe(
			'uno due tre quattro'
		);
	});

	it('does not hold the database while it merges a large document', async () => {
		const { name } = await notes();
		await append(name, 'Testo incollato. '.repeat(300_000));
		const other = await notes();
		const finished: string[] = [];
		const compaction = compactStoredDocument(runtime.db, name).then(() =>
			finished.push('compaction')
		);
		// Issued while the compaction holds the database for its reading step.
		const typed = new Y.Doc();
		typed.getText('body').insert(0, 'intanto');
		const write = appendStoredUpdates(runtime.db, [
			{ documentName: other.name, update: Y.encodeStateAsUpdate(typed) }
		]).then(() => finished.push('other document'));
		await Promise.all([compaction, write]);
		expect(finished).toEqual(['other document', 'compaction']);
	});
});
