import { expect } from 'vitest';
import * as Y from 'yjs';
import { connectClient, eventually, type TestClient } from '../../support/collab';
import { freePort, startInstance, type Instance } from '../../support/instances';
import { storedDoc } from '../../support/stored-document';
import { documentFixture, withDatabase } from './database-access';

export interface KillCycleOptions {
	cycles: number;
	writers: number;
	/** Edits each writer makes per cycle. */
	edits: number;
	/** Compact after this many appends, so kills also land inside compactions. */
	compactAfter: number;
}

export interface KillCycleReport {
	received: number;
	checked: number;
	finalLength: number;
	cycleMs: number[];
}

interface Writer {
	client: TestClient;
	/** Updates this client received from the server: each must have been stored first. */
	received: Uint8Array[];
	tokens: string[];
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Stock y-websocket writers edit one document while the server is SIGKILLed at a random
 * moment, then restarted on the same data, `cycles` times. After each kill, every update any
 * client had received from the server must be in the stored document; at the end, every edit
 * of every writer is there exactly once.
 */
export async function runKillCycles(options: KillCycleOptions): Promise<KillCycleReport> {
	const fixture = await documentFixture(options.writers);
	const test = fixture.test;
	const env = {
		...test.env,
		PORT: String(await freePort()),
		TEST_COMPACT_AFTER: String(options.compactAfter),
		COLLAB_MAX_CLIENTS_PER_DOCUMENT: String(options.writers * 2)
	};
	let instance: Instance = await startInstance(env);
	const writers: Writer[] = fixture.cookies.map((cookie) => {
		const client = connectClient(instance.wsUrl, fixture.name, cookie);
		const writer: Writer = { client, received: [], tokens: [] };
		client.doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin === client.provider) writer.received.push(update);
		});
		return writer;
	});
	const report: KillCycleReport = { received: 0, checked: 0, finalLength: 0, cycleMs: [] };
	try {
		await Promise.all(writers.map((writer) => writer.client.synced()));
		for (let cycle = 0; cycle < options.cycles; cycle++) {
			const started = Date.now();
			const editing = writers.map((writer, w) => edit(writer, w, cycle, options.edits));
			// A random moment once the server is relaying, while the writers are still busy.
			await eventually(() => writers.some((writer) => writer.received.length > 0), 'a relay');
			await pause(Math.random() * options.edits * 3);
			instance.child.kill('SIGKILL');
			await instance.exited;
			await Promise.all(editing);
			await withDatabase(test, async ({ db }) => {
				const snapshot = Y.snapshot(await storedDoc(db, fixture.name));
				for (const writer of writers) {
					for (const update of writer.received.splice(0)) {
						report.received++;
						expect(Y.snapshotContainsUpdate(snapshot, update)).toBe(true);
						report.checked++;
					}
				}
			});
			instance = await startInstance(env);
			await Promise.all(
				writers.map((writer) =>
					eventually(() => writer.client.provider.synced, 'reconnect', 60_000)
				)
			);
			report.cycleMs.push(Date.now() - started);
		}
		const texts = () => writers.map((writer) => writer.client.text.toString());
		await eventually(() => new Set(texts()).size === 1, 'convergence', 60_000);
		const final = texts()[0];
		for (const token of writers.flatMap((writer) => writer.tokens)) {
			expect(final.split(token).length - 1, `${token} once`).toBe(1);
		}
		instance.child.kill('SIGTERM');
		await instance.exited;
		await withDatabase(test, async ({ db }) => {
			const stored = await storedDoc(db, fixture.name);
			expect(stored.getText('body').toString()).toBe(final);
		});
		report.finalLength = final.length;
		return report;
	} finally {
		for (const writer of writers) writer.client.destroy();
		instance.child.kill('SIGKILL');
		await instance.exited;
		await test.drop();
	}
}

/** Appends tokens at the end of the local text: one insert is one item, never split. */
async function edit(writer: Writer, w: number, cycle: number, edits: number): Promise<void> {
	for (let k = 0; k < edits; k++) {
		const token = `<${w}.${cycle}.${k}>`;
		writer.tokens.push(token);
		writer.client.text.insert(writer.client.text.length, token);
		await pause(Math.random() * 10);
	}
}
