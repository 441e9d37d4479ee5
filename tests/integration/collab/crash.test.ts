import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestDatabase } from '../../support/database';
import { connectClient, eventually } from '../../support/collab';

interface Ready {
	port: number;
	name?: string;
	cookies?: string[];
}

const database = await createTestDatabase();
afterAll(() => database.drop());

// Hooks registered inside a test never run, so the children are ended here, at file level
// (after-hooks run last-registered first: before the database is dropped).
const children = new Set<ChildProcess>();
afterAll(async () => {
	await Promise.all(
		[...children].map(async (child) => {
			if (child.exitCode !== null || child.signalCode !== null) return;
			const gone = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGKILL');
			await gone;
		})
	);
});

/** Starts the server as a child process on the test database; resolves once it listens. */
function startChild(createFixture: boolean) {
	const child = spawn(
		process.execPath,
		['--import', 'tsx', 'tests/integration/collab/fixtures/serve.ts'],
		{
			env: {
				...process.env,
				...database.env,
				CREATE_FIXTURE: String(createFixture),
				SEED_DEMO: 'false',
				LOG_LEVEL: 'warn'
			},
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	let output = '';
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const ready = new Promise<Ready>((resolve, reject) => {
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			const line = /READY (.*)\n/.exec(output);
			if (line) resolve(JSON.parse(line[1]) as Ready);
		});
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
	});
	children.add(child);
	return { child, ready, exited };
}

/** True when `doc` holds every update `other` holds (its state vector covers the other's). */
function covers(doc: Y.Doc, other: Y.Doc): boolean {
	const have = Y.decodeStateVector(Y.encodeStateVector(doc));
	for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(other))) {
		if ((have.get(client) ?? 0) < clock) return false;
	}
	return true;
}

describe('a server killed with SIGKILL', () => {
	it('loses nothing it relayed: after restart the document holds all the clients received', async () => {
		const first = startChild(true);
		const { port, name, cookies } = await first.ready;
		const wsUrl = `ws://127.0.0.1:${port}/collab`;
		const writer = connectClient(wsUrl, name!, cookies![0]);
		const reader = connectClient(wsUrl, name!, cookies![1]);
		await Promise.all([writer.synced(), reader.synced()]);
		reader.text.insert(0, 'dal lettore\n');
		await eventually(() => writer.text.toString().includes('dal lettore'));

		// The writer keeps typing while the server is killed.
		let typed = 0;
		const typing = setInterval(() => writer.text.insert(writer.text.length, `${typed++} `), 2);
		await eventually(() => reader.text.toString().split(' ').length > 150, 'edits to be relayed');
		first.child.kill('SIGKILL');
		await first.exited;
		clearInterval(typing);
		const received = new Y.Doc();
		Y.applyUpdate(received, Y.encodeStateAsUpdate(reader.doc));
		writer.destroy();
		reader.destroy();

		const second = startChild(false);
		const again = await second.ready;
		const fresh = connectClient(`ws://127.0.0.1:${again.port}/collab`, name!, cookies![1]);
		await fresh.synced();
		expect(covers(fresh.doc, received)).toBe(true);
		expect(fresh.text.toString().startsWith(received.getText('body').toString())).toBe(true);
		expect(received.getText('body').length).toBeGreaterThan(300);
	}, 120_000);
});
