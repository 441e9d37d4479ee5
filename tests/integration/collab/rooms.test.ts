import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendStoredUpdates } from '../../../src/lib/server/live/store';
import { buildMember, buildProject, signIn } from '../../support/factories';
import { startTestServer } from '../../support/server';
import { connectClient, eventually, handshakeStatus } from '../../support/collab';

const server = await startTestServer({
	pages: false,
	env: { COLLAB_MAX_CLIENTS_PER_DOCUMENT: '3' }
});
const db = server.runtime.db;
const rooms = server.app.collab.rooms;

async function editors(n: number) {
	const project = await buildProject(db);
	const cookies: string[] = [];
	for (let i = 0; i < n; i++) {
		const member = await buildMember(db, { projectId: project.id, role: 'partner_editor' });
		cookies.push(await signIn(db, member.person.id));
	}
	return { name: `notes:${project.id}`, cookies };
}

describe('rooms', () => {
	it('unloads a room after its last client left, and loads it again on return', async () => {
		const { name, cookies } = await editors(2);
		const a = connectClient(server.wsUrl, name, cookies[0]);
		const b = connectClient(server.wsUrl, name, cookies[1]);
		await Promise.all([a.synced(), b.synced()]);
		a.text.insert(0, 'verbale');
		await eventually(() => b.text.toString() === 'verbale');
		a.destroy();
		await eventually(() => rooms.get(name)?.connections.size === 1);
		expect(rooms.get(name)).toBeDefined();
		b.destroy();
		await eventually(() => rooms.get(name) === undefined, 'the room to unload');
		const c = connectClient(server.wsUrl, name, cookies[0]);
		await c.synced();
		expect(c.text.toString()).toBe('verbale');
	});

	it('says synced only once the whole stored document is there', async () => {
		const { name, cookies } = await editors(1);
		// ~1,000 stored updates: loading takes a while, the client's step 1 waits meanwhile.
		const author = new Y.Doc();
		const rows = [];
		for (let i = 0; i < 1000; i++) {
			const before = Y.encodeStateVector(author);
			author.getText('body').insert(0, `paragrafo ${i}\n`);
			rows.push({ documentName: name, update: Y.encodeStateAsUpdate(author, before) });
		}
		await appendStoredUpdates(db, rows);
		const client = connectClient(server.wsUrl, name, cookies[0]);
		let lengthWhenSynced = -1;
		client.provider.once('sync', () => (lengthWhenSynced = client.text.length));
		await client.synced();
		expect(lengthWhenSynced).toBe(author.getText('body').length);
	});

	it('refuses more clients than a document allows with 503', async () => {
		const { name, cookies } = await editors(1);
		const clients = [0, 1, 2].map(() => connectClient(server.wsUrl, name, cookies[0]));
		await Promise.all(clients.map((client) => client.synced()));
		expect(await handshakeStatus(`${server.wsUrl}/${name}`, { Cookie: cookies[0] })).toBe(503);
		clients[0].destroy();
		await eventually(() => rooms.get(name)?.connections.size === 2);
		expect(await handshakeStatus(`${server.wsUrl}/${name}`, { Cookie: cookies[0] })).toBe(101);
	});
});
