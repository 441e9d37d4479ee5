import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/lib/server/live/store';
import { buildMember, buildProject, signIn } from '../../support/factories';
import { startTestServer } from '../../support/server';
import { connectClient, eventually, roundTrip } from '../../support/collab';

const server = await startTestServer({ pages: false });
const db = server.runtime.db;

async function editorAndObserver() {
	const project = await buildProject(db);
	const editor = await buildMember(db, { projectId: project.id, role: 'partner_editor' });
	const observer = await buildMember(db, { projectId: project.id, role: 'observer' });
	return {
		name: `notes:${project.id}`,
		editorCookie: await signIn(db, editor.person.id),
		observerCookie: await signIn(db, observer.person.id)
	};
}

describe('read-only members', () => {
	it('receive the document, later edits and presence', async () => {
		const { name, editorCookie, observerCookie } = await editorAndObserver();
		const editor = connectClient(server.wsUrl, name, editorCookie);
		await editor.synced();
		editor.text.insert(0, 'ordine del giorno');
		editor.provider.awareness.setLocalStateField('user', { name: 'Editor' });
		const observer = connectClient(server.wsUrl, name, observerCookie);
		await observer.synced();
		await eventually(() => observer.text.toString() === 'ordine del giorno');
		editor.text.insert(0, '1. ');
		await eventually(() => observer.text.toString() === '1. ordine del giorno');
		await eventually(() => observer.provider.awareness.getStates().has(editor.doc.clientID));
		expect(observer.provider.awareness.getStates().get(editor.doc.clientID)).toEqual({
			// Bound by the server to the signed-in person, whatever name the client wrote.
			user: { name: expect.stringMatching(/^Persona /), id: expect.any(String) }
		});
	});

	it('have their sync step 2 and their updates dropped: not applied, stored nor relayed', async () => {
		const { name, editorCookie, observerCookie } = await editorAndObserver();
		const editor = connectClient(server.wsUrl, name, editorCookie);
		await editor.synced();
		// Written offline first: it travels in the observer's sync step 2 on connect.
		const observer = connectClient(server.wsUrl, name, observerCookie, { connect: false });
		observer.text.insert(0, 'offline ');
		observer.provider.connect();
		await observer.synced();
		observer.text.insert(0, 'online ');
		// Two sockets' messages need not arrive in order: each round trip proves its own socket.
		// The observer's answer: the server has handled (dropped or accepted) both its updates.
		await roundTrip(observer);
		// Anything accepted is stored and relayed once the room settles...
		await server.app.collab.rooms.get(name)?.settled();
		// ...and whatever was relayed to the editor arrived before the answer to its own.
		await roundTrip(editor);
		expect(editor.text.toString()).toBe('');
		editor.text.insert(0, 'fine');
		await eventually(() => observer.text.toString().includes('fine'));
		await server.app.collab.rooms.get(name)?.settled();
		await roundTrip(editor);
		expect(editor.text.toString()).toBe('fine');
		expect(server.app.collab.rooms.get(name)?.doc.getText('body').toString()).toBe('fine');
		const stored = await readDocument(db, name);
		expect(stored.getText('body').toString()).toBe('fine');
	});

	it('can still announce their presence', async () => {
		const { name, editorCookie, observerCookie } = await editorAndObserver();
		const editor = connectClient(server.wsUrl, name, editorCookie);
		const observer = connectClient(server.wsUrl, name, observerCookie);
		observer.provider.awareness.setLocalStateField('user', { name: 'Osservatore' });
		await Promise.all([editor.synced(), observer.synced()]);
		await eventually(() => editor.provider.awareness.getStates().has(observer.doc.clientID));
		expect(editor.provider.awareness.getStates().get(observer.doc.clientID)).toEqual({
			// Bound by the server to the signed-in person, whatever name the client wrote.
			user: { name: expect.stringMatching(/^Persona /), id: expect.any(String) }
		});
	});
});
