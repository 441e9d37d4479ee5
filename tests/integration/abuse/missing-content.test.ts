import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it, onTestFinished } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { createTavoloServer } from '../../../server/app';
import type { Fanout } from '../../../server/collab/fanout';
import { createLocalFanoutHub } from '../../../server/collab/fanout/local';
import { createRedisFanout } from '../../../server/collab/fanout/redis';
import { encodeUpdate } from '../../../server/collab/protocol';
import { collabUpdate } from '../../../src/lib/server/db/schema';
import { loadStoredUpdates } from '../../../src/lib/server/live/store';
import { writeDocumentUpdate } from '../../../src/lib/server/live/live';
import { logger } from '../../../src/lib/server/log/logger';
import {
	closeOf,
	connectClient,
	eventually,
	rawSocket,
	roundTrip,
	type TestClient
} from '../../support/collab';
import { craftedUpdate, danglingUpdate, id } from '../../support/crafted-updates';
import { buildMember, buildProject, signIn } from '../../support/factories';
import { startTestServer } from '../../support/server';
import { storedDoc } from '../../support/stored-document';

/**
 * Small updates (below the 16 KiB trial gate) that depend on content the room does not have
 * are refused in the room itself (ADR 0014), while everything real clients send goes through:
 * stock y-websocket 3 clients against the real server, on PGlite or, with DATABASE_URL, on
 * PostgreSQL; across instances through Redis when REDIS_URL is set.
 */
const server = await startTestServer({ pages: false });
const db = server.runtime.db;
const REFUSED = { code: 4413, reason: 'update depends on missing content' };

async function document(people: number) {
	const project = await buildProject(db);
	const cookies: string[] = [];
	const ids: string[] = [];
	for (let i = 0; i < people; i++) {
		const member = await buildMember(db, { projectId: project.id, role: 'partner_editor' });
		ids.push(member.person.id);
		cookies.push(await signIn(db, member.person.id));
	}
	return { name: `notes:${project.id}`, cookies, ids };
}

/** An update sent on a stock client's socket, as a modified client would send it. */
function sendRaw(client: TestClient, update: Uint8Array): void {
	const frame = encodeUpdate(update);
	expect(frame.length).toBeLessThan(16 * 1024); // below the gate: not tried in the worker
	(client.provider.ws as unknown as WebSocket).send(frame);
}

/** Every close code the client's connections end with, from now on. */
function closesOf(client: TestClient): number[] {
	const codes: number[] = [];
	client.provider.on('connection-close', (event) => codes.push(event?.code ?? 0));
	return codes;
}

function hasPending(doc: Y.Doc): boolean {
	return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

/** Clients of `doc` other than the given ones: content that came from elsewhere. */
function strangers(doc: Y.Doc, clients: Y.Doc[]): number[] {
	const known = new Set(clients.map((client) => client.clientID));
	return [...doc.store.clients.keys()].filter((client) => !known.has(client));
}

async function rowsBy(name: string, personId: string): Promise<number> {
	const rows = await db
		.select({ id: collabUpdate.id })
		.from(collabUpdate)
		.where(and(eq(collabUpdate.documentName, name), eq(collabUpdate.authorId, personId)));
	return rows.length;
}

/** Runs `edit` the moment the socket opens, before the server's sync step 1 can arrive. */
function asSoonAsConnected(client: TestClient, edit: () => void): void {
	const listener = ({ status }: { status: string }) => {
		if (status !== 'connected') return;
		client.provider.off('status', listener);
		edit();
	};
	client.provider.on('status', listener);
}

/** Types `text` one character at a time, each keystroke its own update sent at once. */
function typeQuickly(client: TestClient, text: string): void {
	for (const character of text) client.text.insert(client.text.length, character);
}

describe('a writer sending small updates that depend on missing content', () => {
	it('is closed with 4413 at the first; nothing of them is stored or relayed, the room goes on', async () => {
		const { name, cookies, ids } = await document(3);
		const [typist, watcher, attacker] = cookies.map((cookie) =>
			connectClient(server.wsUrl, name, cookie)
		);
		await Promise.all([typist, watcher, attacker].map((client) => client.synced()));
		typist.text.insert(0, 'prima ');
		await eventually(() => watcher.text.toString() === 'prima ', 'the first edit');

		const typistState = Y.getState(typist.doc.store, typist.doc.clientID);
		const crafted = [
			// 1,000 made-up people inserting after an item nobody has (11 KB).
			danglingUpdate(1_000),
			// After a keystroke the typist has not made yet: Yjs would retry it on each of theirs.
			craftedUpdate([
				{ client: 9, items: [{ origin: id(typist.doc.clientID, typistState + 50) }] }
			]),
			// A gap in a client's clock.
			craftedUpdate([{ client: 7, clock: 5, items: [{}] }]),
			// Deletions of content nobody has.
			craftedUpdate([], [{ client: 8, clock: 0, len: 5_000 }])
		];
		const closed = attacker.nextClose();
		for (let round = 0; round < 25; round++) {
			for (const update of crafted) sendRaw(attacker, update);
		}
		expect(await closed).toEqual(REFUSED);

		typeQuickly(typist, 'dopo');
		await eventually(() => watcher.text.toString() === 'prima dopo', 'an edit after the attack');
		await roundTrip(watcher);
		const room = server.app.collab.rooms.get(name)!;
		await room.settled();
		expect(hasPending(room.doc)).toBe(false);
		expect(strangers(room.doc, [typist.doc])).toEqual([]);
		expect(strangers(watcher.doc, [typist.doc])).toEqual([]);
		expect(await rowsBy(name, ids[2])).toBe(0);
		const stored = await storedDoc(db, name);
		expect(hasPending(stored)).toBe(false);
		expect(stored.getText('body').toString()).toBe('prima dopo');
	});

	it('is refused for each kind of missing dependency on its own', async () => {
		const { name, cookies } = await document(2);
		const typist = connectClient(server.wsUrl, name, cookies[0]);
		await typist.synced();
		typist.text.insert(0, 'testo');
		const [[client, clock]] = Y.decodeStateVector(Y.encodeStateVector(typist.doc));
		await roundTrip(typist);
		const kinds = {
			'an insertion after a missing item': craftedUpdate([
				{ client: 5, items: [{ origin: id(client, clock + 3) }] }
			]),
			'an insertion before a missing item': craftedUpdate([
				{ client: 5, items: [{ rightOrigin: id(77, 0) }] }
			]),
			'a continuation of the typist’s own clock with a gap': craftedUpdate([
				{ client, clock: clock + 1, items: [{}] }
			]),
			'references that wait on each other': craftedUpdate([
				{ client: 5, items: [{ origin: id(6, 0) }] },
				{ client: 6, items: [{ origin: id(5, 0) }] }
			]),
			'a deletion beyond what the typist wrote': craftedUpdate([], [{ client, clock, len: 1 }])
		};
		for (const [kind, update] of Object.entries(kinds)) {
			const attacker = connectClient(server.wsUrl, name, cookies[1]);
			await attacker.synced();
			const closed = attacker.nextClose();
			sendRaw(attacker, update);
			expect(await closed, kind).toEqual(REFUSED);
			attacker.destroy();
		}
		expect(hasPending(server.app.collab.rooms.get(name)!.doc)).toBe(false);
		expect(typist.provider.wsconnected).toBe(true);
	});

	it('is only dropped before its sync step 2, and refused after it', async () => {
		const { name, cookies, ids } = await document(1);
		const socket = await rawSocket(`${server.wsUrl}/${name}`, cookies[0]);
		const closed = closeOf(socket);
		let open = true;
		void closed.then(() => (open = false));
		const answers: Buffer[] = [];
		socket.on('message', (data: Buffer) => answers.push(data));
		// A stock client sends its step 2 only once the server's step 1 came: whatever it sends
		// before may build on offline edits its step 2 will carry, so it is not refused.
		socket.send(encodeUpdate(danglingUpdate(100)));
		socket.send(Uint8Array.from([0, 0, 1, 0])); // a sync step 1: answered after the update
		const isStep2 = (frame: Buffer) => frame[0] === 0 && frame[1] === 1;
		await eventually(() => answers.some(isStep2), 'the answer to the step 1');
		expect(open).toBe(true);
		expect(hasPending(server.app.collab.rooms.get(name)!.doc)).toBe(false);

		socket.send(Uint8Array.from([0, 1, 2, 0, 0])); // an empty sync step 2
		socket.send(encodeUpdate(danglingUpdate(100)));
		expect(await closed).toEqual(REFUSED);
		expect(await rowsBy(name, ids[0])).toBe(0);
	});
});

describe('legitimate writers', () => {
	it('stay connected typing at once, each keystroke on the previous one still being stored', async () => {
		const { name, cookies } = await document(3);
		const [anna, bruno, watcher] = cookies.map((cookie) =>
			connectClient(server.wsUrl, name, cookie)
		);
		await Promise.all([anna, bruno, watcher].map((client) => client.synced()));
		const closes = [anna, bruno].map(closesOf);
		for (let burst = 0; burst < 5; burst++) {
			typeQuickly(anna, `anna ${burst}; `);
			typeQuickly(bruno, `bruno ${burst}; `);
			anna.text.delete(0, 1);
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
		await eventually(
			() =>
				watcher.text.length === anna.text.length &&
				watcher.text.toString() === anna.text.toString() &&
				bruno.text.toString() === anna.text.toString() &&
				anna.text.toString().includes('bruno 4; '),
			'the three converged'
		);
		expect(closes).toEqual([[], []]);
		await server.app.collab.rooms.get(name)!.settled();
		expect((await storedDoc(db, name)).getText('body').toString()).toBe(anna.text.toString());
	});

	it('stay connected typing on a large paste that is still being stored', async () => {
		const { name, cookies } = await document(2);
		const [writer, watcher] = cookies.map((cookie) => connectClient(server.wsUrl, name, cookie));
		await Promise.all([writer.synced(), watcher.synced()]);
		const closes = closesOf(writer);
		const paste = 'Riga del testo incollato. '.repeat(1_000);
		// Above the 16 KiB gate: tried in the worker, which says what it adds to the room.
		writer.text.insert(0, paste);
		typeQuickly(writer, ' E poi si scrive.');
		await eventually(
			() => watcher.text.toString() === `${paste} E poi si scrive.`,
			'the paste and the typing after it'
		);
		expect(closes).toEqual([]);
	});

	it('keep an offline client connected that reconnects and types before its sync step 2', async () => {
		const { name, cookies } = await document(3);
		const [typist, watcher] = cookies
			.slice(0, 2)
			.map((cookie) => connectClient(server.wsUrl, name, cookie));
		const away = connectClient(server.wsUrl, name, cookies[2]);
		await Promise.all([typist, watcher, away].map((client) => client.synced()));
		typist.text.insert(0, 'Il testo condiviso.');
		await eventually(() => away.text.length === 19, 'the text at the away client');

		away.provider.disconnect();
		await eventually(() => !away.provider.wsconnected, 'the disconnection');
		// Offline: edits on the shared text and on the offline edits themselves.
		away.text.insert(3, 'nostro ');
		for (let i = 0; i < 20; i++) away.text.insert(10 + i, String(i % 10));
		away.text.delete(0, 1);
		typist.text.insert(typist.text.length, ' Scritto mentre era via.');
		const closes = closesOf(away);
		// Typed the moment the socket opens, before the server's step 1 comes back: it builds on
		// the offline edits, which the server has not received yet.
		asSoonAsConnected(away, () => away.text.insert(12, '[riconnesso]'));
		away.provider.connect();
		await away.synced();
		await roundTrip(away);
		await eventually(
			() =>
				watcher.text.toString() === away.text.toString() &&
				typist.text.toString() === away.text.toString(),
			'everyone converged'
		);
		expect(away.text.toString()).toContain('[riconnesso]');
		expect(away.text.toString()).toContain('Scritto mentre era via.');
		expect(away.provider.wsconnected).toBe(true);
		expect(closes).toEqual([]);
		await server.app.collab.rooms.get(name)!.settled();
		const stored = await storedDoc(db, name);
		expect(stored.getText('body').toString()).toBe(away.text.toString());
		expect(hasPending(stored)).toBe(false);
	});

	it('are not refused for what a document stored before this check depends on', async () => {
		const { name, cookies } = await document(2);
		// Stored while no room had the document open: 20 insertions after an item nobody has.
		await writeDocumentUpdate(server.runtime, name, danglingUpdate(20));
		const [writer, watcher] = cookies.map((cookie) => connectClient(server.wsUrl, name, cookie));
		await Promise.all([writer.synced(), watcher.synced()]);
		writer.text.insert(0, 'Testo. ');
		await eventually(() => watcher.text.toString() === 'Testo. ', 'the first edit');
		// The room left the stored pending content out: clients never get it, so an offline
		// client's sync step 2 does not carry it back.
		expect(hasPending(server.app.collab.rooms.get(name)!.doc)).toBe(false);
		expect(hasPending(writer.doc)).toBe(false);
		writer.provider.disconnect();
		await eventually(() => !writer.provider.wsconnected, 'the disconnection');
		const closes = closesOf(writer);
		writer.text.insert(7, 'Scritto offline.');
		writer.provider.connect();
		await writer.synced();
		await eventually(
			() => watcher.text.toString() === 'Testo. Scritto offline.',
			'the offline edit'
		);
		expect(closes).toEqual([]);
	});

	it('on two instances relaying to each other stay connected and converge', async () => {
		const { name, cookies } = await document(3);
		const hub = createLocalFanoutHub();
		const prefix = `test-${randomUUID()}:`;
		const redisUrl = process.env.REDIS_URL;
		const fanout = (): Fanout =>
			redisUrl
				? createRedisFanout({
						url: redisUrl,
						load: (n) => loadStoredUpdates(db, n),
						log: logger,
						prefix
					})
				: hub.connect();
		const [one, two] = await Promise.all(
			[fanout(), fanout()].map(async (relay) => {
				const app = createTavoloServer(server.runtime, (_req, res) => void res.end(), {
					fanout: relay
				});
				const port = await app.listen(0, '127.0.0.1');
				onTestFinished(() => app.close());
				return { app, wsUrl: `ws://127.0.0.1:${port}/collab` };
			})
		);
		const anna = connectClient(one.wsUrl, name, cookies[0]);
		const bruno = connectClient(two.wsUrl, name, cookies[1]);
		const carla = connectClient(one.wsUrl, name, cookies[2]);
		const everyone = [anna, bruno, carla];
		await Promise.all(everyone.map((client) => client.synced()));
		const closes = [anna, bruno].map(closesOf);
		for (let burst = 0; burst < 5; burst++) {
			typeQuickly(anna, `anna ${burst}; `);
			typeQuickly(bruno, `bruno ${burst}; `);
			// Bruno writes on what reached his instance through the relay.
			if (bruno.text.length > 3) bruno.text.insert(3, '*');
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		// Carla goes offline on one instance and comes back on the other, typing as she does.
		carla.provider.disconnect();
		await eventually(() => !carla.provider.wsconnected, 'the disconnection');
		closes.push(closesOf(carla));
		carla.text.insert(0, 'Carla offline. ');
		carla.provider.serverUrl = two.wsUrl;
		asSoonAsConnected(carla, () => carla.text.insert(5, '!'));
		carla.provider.connect();
		await carla.synced();
		const converged = () =>
			everyone.every((client) => client.text.toString() === anna.text.toString()) &&
			anna.text.toString().includes('Carla! offline.') &&
			anna.text.toString().includes('bruno 4; ');
		await eventually(converged, 'the three converged', 15_000);
		expect(closes).toEqual([[], [], []]);
	});
});
