import { describe, expect, it } from 'vitest';
import { buildMember, buildProject, signIn } from '../../support/factories';
import { startTestServer } from '../../support/server';
import { connectClient, eventually } from '../../support/collab';

const server = await startTestServer({ pages: false });
const db = server.runtime.db;

async function notesWithEditors(count: number) {
	const project = await buildProject(db);
	const cookies: string[] = [];
	for (let i = 0; i < count; i++) {
		const member = await buildMember(db, { projectId: project.id, role: 'partner_editor' });
		cookies.push(await signIn(db, member.person.id));
	}
	return { name: `notes:${project.id}`, cookies };
}

describe('live sync', () => {
	it('makes two stock clients converge', async () => {
		const { name, cookies } = await notesWithEditors(2);
		const a = connectClient(server.wsUrl, name, cookies[0]);
		const b = connectClient(server.wsUrl, name, cookies[1]);
		await Promise.all([a.synced(), b.synced()]);
		a.text.insert(0, 'Buongiorno ');
		b.text.insert(0, 'a tutti');
		await eventually(() => a.text.toString() === b.text.toString() && a.text.length === 18);
		expect(a.text.toString()).toBe(b.text.toString());
	});

	it('gives a client that joins late the whole document', async () => {
		const { name, cookies } = await notesWithEditors(3);
		const a = connectClient(server.wsUrl, name, cookies[0]);
		const b = connectClient(server.wsUrl, name, cookies[1]);
		await Promise.all([a.synced(), b.synced()]);
		for (let i = 0; i < 50; i++) (i % 2 ? a : b).text.insert(0, `${i};`);
		await eventually(() => a.text.toString() === b.text.toString() && a.text.length > 100);
		const late = connectClient(server.wsUrl, name, cookies[2]);
		await late.synced();
		expect(late.text.toString()).toBe(a.text.toString());
	});

	it('shows who is present to everyone in the document', async () => {
		const { name, cookies } = await notesWithEditors(2);
		const a = connectClient(server.wsUrl, name, cookies[0]);
		a.provider.awareness.setLocalStateField('user', { name: 'Anna' });
		await a.synced();
		const b = connectClient(server.wsUrl, name, cookies[1]);
		await b.synced();
		await eventually(() => b.provider.awareness.getStates().get(a.doc.clientID) !== undefined);
		expect(b.provider.awareness.getStates().get(a.doc.clientID)).toEqual({
			// Bound by the server to the signed-in person, whatever name the client wrote.
			user: { name: expect.stringMatching(/^Persona /), id: expect.any(String) }
		});
	});
});
