import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendStoredUpdates } from '../../../src/lib/server/live/store';
import { waitForOutput, type Started } from '../../support/process';
import { storedDoc } from '../../support/stored-document';
import { documentFixture, withDatabase } from './database-access';

const fixture = await documentFixture(0);
afterAll(() => fixture.test.drop());

function compactInChild(): Started {
	const child = spawn(
		process.execPath,
		['--import', 'tsx', 'tests/integration/durability/compact-child.ts'],
		{
			env: { ...process.env, ...fixture.test.env, DOCUMENT_NAME: fixture.name },
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	let text = '';
	child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
	const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
	return { child, output: () => text, exited };
}

describe('a process killed in the middle of a compaction', () => {
	it('leaves the document whole, compacted or not', async () => {
		const source = new Y.Doc();
		const text = source.getText('body');
		let killedMidway = 0;
		for (let round = 0; round < 3; round++) {
			const updates: Uint8Array[] = [];
			const collect = (update: Uint8Array) => updates.push(update);
			source.on('update', collect);
			for (let i = 0; i < 3000; i++) text.insert(text.length, `${round}.${i};`);
			source.off('update', collect);
			await withDatabase(fixture.test, ({ db }) =>
				appendStoredUpdates(
					db,
					updates.map((update) => ({ documentName: fixture.name, update }))
				)
			);
			const started = compactInChild();
			await waitForOutput(started, /compacting/, 60_000);
			await new Promise((resolve) => setTimeout(resolve, Math.random() * 50));
			started.child.kill('SIGKILL');
			await started.exited;
			if (!/compacted/.test(started.output())) killedMidway++;
			const stored = await withDatabase(fixture.test, async ({ db }) =>
				(await storedDoc(db, fixture.name)).getText('body').toString()
			);
			expect(stored).toBe(text.toString());
		}
		expect(killedMidway).toBeGreaterThan(0);
	}, 180_000);
});
