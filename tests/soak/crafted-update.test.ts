import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, eventually, rawSocket } from '../support/collab';
import { buildMember, buildProject, signIn } from '../support/factories';
import { startTestServer } from '../support/server';
import { encodeUpdate } from '../../server/collab/protocol';

/**
 * The costliest update a writer can send within the message limit: as many items as fit,
 * none mergeable with its neighbour (each typed before the previous one), which Yjs must
 * decode, store and integrate one by one. With a 2 MiB limit the event loop must not stall
 * for a second. (The 8 MiB default allows about four times this work: docs/reliability.md.)
 *
 * KNOWN FAILING (docs/reliability.md, "Known gaps"): decoding and integrating happen on the
 * event loop, and this stalls it for 1–2 s on the reference machine. Kept in the soak run, not
 * in `npm test`, until decoding moves to a worker with a time budget. The reader client runs
 * in this process too, so the figure includes its own integration of the update.
 */
const LIMIT = 2 * 1024 * 1024;
const server = await startTestServer({
	pages: false,
	env: { COLLAB_MAX_MESSAGE_BYTES: String(LIMIT) }
});
const db = server.runtime.db;

function heaviestUpdateUnder(limit: number): Uint8Array {
	const doc = new Y.Doc();
	const text = doc.getText('body');
	doc.transact(() => {
		for (let i = 0; i < 170_000; i++) text.insert(0, 'x');
	});
	const update = Y.encodeStateAsUpdate(doc);
	expect(encodeUpdate(update).length).toBeLessThan(limit);
	return update;
}

describe('a crafted update from an authenticated writer', () => {
	it('does not block the event loop for a second, and the room goes on', async () => {
		const project = await buildProject(db);
		const name = `notes:${project.id}`;
		const cookies = await Promise.all(
			[0, 1].map(async () => {
				const member = await buildMember(db, { projectId: project.id, role: 'partner_editor' });
				return signIn(db, member.person.id);
			})
		);
		const update = heaviestUpdateUnder(LIMIT);
		const reader = connectClient(server.wsUrl, name, cookies[1]);
		await reader.synced();
		const writer = await rawSocket(`${server.wsUrl}/${name}`, cookies[0]);
		const delay = monitorEventLoopDelay({ resolution: 10 });
		delay.enable();
		writer.send(encodeUpdate(update));
		await eventually(() => reader.text.length === 170_000, 'the update to arrive', 60_000);
		delay.disable();
		const worstMs = delay.max / 1e6;
		console.log(`[abuse] crafted update: worst event-loop stall ${Math.round(worstMs)} ms`);
		expect(worstMs).toBeLessThan(1_000);
		writer.close();
	});
});
