import { connect } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, eventually } from '../../support/collab';
import { freePort, startInstance } from '../../support/instances';
import { storedDoc } from '../../support/stored-document';
import { documentFixture, withDatabase } from './database-access';

const fixture = await documentFixture(6);
afterAll(() => fixture.test.drop());

/** Resolves as soon as the port accepts TCP: the earliest moment a client can connect. */
async function portOpen(port: number): Promise<void> {
	for (;;) {
		const open = await new Promise<boolean>((resolve) => {
			const socket = connect(port, '127.0.0.1');
			socket.once('connect', () => resolve(socket.destroy() !== undefined));
			socket.once('error', () => resolve(false));
		});
		if (open) return;
		await new Promise((resolve) => setTimeout(resolve, 2));
	}
}

describe('stopping and starting the server', () => {
	it('drains on SIGTERM while people write, exits 0 in < 5 s, loses nothing received', async () => {
		const env = { ...fixture.test.env, PORT: String(await freePort()) };
		const instance = await startInstance(env);
		const writers = fixture.cookies.slice(0, 3).map((cookie) => {
			const client = connectClient(instance.wsUrl, fixture.name, cookie);
			const received: Uint8Array[] = [];
			client.doc.on('update', (update: Uint8Array, origin: unknown) => {
				if (origin === client.provider) received.push(update);
			});
			return { client, received };
		});
		await Promise.all(writers.map(({ client }) => client.synced()));
		let typing = true;
		const typed = writers.map(async ({ client }, w) => {
			for (let k = 0; typing; k++) {
				client.text.insert(client.text.length, `<${w}.${k}>`);
				await new Promise((resolve) => setTimeout(resolve, 3));
			}
		});
		await eventually(() => writers.every(({ received }) => received.length > 5), 'traffic');
		const signalled = Date.now();
		instance.child.kill('SIGTERM');
		// index.ts and the test instance exit 1 if draining passes their 4.5 s deadline.
		expect(await instance.exited).toBe(0);
		expect(Date.now() - signalled).toBeLessThan(5_000);
		typing = false;
		await Promise.all(typed);
		for (const { client } of writers) client.destroy();
		await withDatabase(fixture.test, async ({ db }) => {
			const snapshot = Y.snapshot(await storedDoc(db, fixture.name));
			for (const update of writers.flatMap(({ received }) => received)) {
				expect(Y.snapshotContainsUpdate(snapshot, update)).toBe(true);
			}
		});
	});

	it('gives clients connecting the moment it starts the whole document, once', async () => {
		const expected = await withDatabase(fixture.test, async ({ db }) =>
			(await storedDoc(db, fixture.name)).getText('body').toString()
		);
		expect(expected.length).toBeGreaterThan(0);
		const port = await freePort();
		const starting = startInstance({ ...fixture.test.env, PORT: String(port) });
		await portOpen(port);
		const early = fixture.cookies
			.slice(3)
			.map((cookie) => connectClient(`ws://127.0.0.1:${port}/collab`, fixture.name, cookie));
		await starting;
		await Promise.all(early.map((client) => client.synced()));
		for (const client of early) expect(client.text.toString()).toBe(expected);
	});
});
