import { afterAll, describe, expect, it } from 'vitest';
import { createTavoloServer } from '../../../server/app';
import { createLocalFanoutHub } from '../../../server/collab/fanout/local';
import { membership } from '../../../src/lib/server/db/schema';
import { eq } from 'drizzle-orm';
import { buildMember, buildProject, signIn } from '../../support/factories';
import { startTestServer } from '../../support/server';
import { connectClient, eventually } from '../../support/collab';

const server = await startTestServer({ pages: false });
const db = server.runtime.db;
const hub = createLocalFanoutHub();

/** Two instances of the collaboration server, related only through the fan-out hub. */
async function instance() {
	const app = createTavoloServer(server.runtime, (_req, res) => void res.end(), {
		fanout: hub.connect()
	});
	const port = await app.listen(0, '127.0.0.1');
	afterAll(() => app.close());
	return { app, wsUrl: `ws://127.0.0.1:${port}/collab` };
}
const one = await instance();
const two = await instance();

async function editors(n: number) {
	const project = await buildProject(db);
	const people = [];
	for (let i = 0; i < n; i++) {
		const member = await buildMember(db, { projectId: project.id, role: 'partner_editor' });
		people.push({ id: member.person.id, cookie: await signIn(db, member.person.id) });
	}
	return { name: `notes:${project.id}`, people };
}

describe('local fan-out between instances', () => {
	it('relays edits and presence between clients of different instances', async () => {
		const { name, people } = await editors(2);
		const a = connectClient(one.wsUrl, name, people[0].cookie);
		const b = connectClient(two.wsUrl, name, people[1].cookie);
		a.provider.awareness.setLocalStateField('user', { name: 'Anna' });
		await Promise.all([a.synced(), b.synced()]);
		// b's instance may have loaded the room after a announced itself: b's own presence makes
		// a's instance tell it who is there.
		b.provider.awareness.setLocalStateField('user', { name: 'Bruno' });
		a.text.insert(0, 'da uno ');
		b.text.insert(0, 'da due ');
		await eventually(() => a.text.length === 14 && b.text.toString() === a.text.toString());
		await eventually(() => b.provider.awareness.getStates().has(a.doc.clientID));
		expect(b.provider.awareness.getStates().get(a.doc.clientID)).toEqual({
			// Bound by the server to the signed-in person, whatever name the client wrote.
			user: { name: expect.stringMatching(/^Persona /), id: expect.any(String) }
		});
	});

	it('carries access invalidations published by another instance', async () => {
		const { name, people } = await editors(1);
		const a = connectClient(one.wsUrl, name, people[0].cookie);
		await a.synced();
		const closed = a.nextClose();
		await db.delete(membership).where(eq(membership.personId, people[0].id));
		hub.connect().publishInvalidation({ personId: people[0].id });
		expect((await closed).code).toBe(4403);
	});

	it('delivers nothing back to the instance that published', async () => {
		const fanout = hub.connect();
		const received: unknown[] = [];
		fanout.subscribeDocument('notes:x', (message) => received.push(message));
		fanout.subscribeInvalidations((event) => received.push(event));
		fanout.publishUpdate('notes:x', Uint8Array.of(0));
		fanout.publishInvalidation({ personId: 'p' });
		hub.connect().publishAwareness('notes:x', Uint8Array.of(1));
		expect(received).toEqual([{ type: 'awareness', update: Uint8Array.of(1) }]);
		await fanout.close();
	});
});
