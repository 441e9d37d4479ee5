/**
 * Worker thread (update-trial.ts starts it): integrates a large update into a replica of its
 * room, the same work the event loop would do, and says how long it took. A crafted update
 * that makes Yjs loop loops here, where the host can terminate it, not on the event loop.
 *
 * Plain JavaScript so that Node runs it as it is from the source tree (vitest, tsx, vite dev)
 * and from build/ (scripts/build-server.js puts it beside server.js): a worker thread gets no
 * TypeScript loader.
 */
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';

/** @typedef {import('./update-trial').TrialRequest} TrialRequest */
/** @typedef {import('./update-trial').TrialResponse} TrialResponse */

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);

/** @param {TrialResponse} response */
const reply = (response) => port.postMessage(response);

port.on('message', (/** @type {TrialRequest} */ { id, state, update }) => {
	const replica = new Y.Doc();
	try {
		Y.applyUpdate(replica, state);
		reply({ id, kind: 'loaded' });
		// The room relays every update it integrates: encoding it for the relay is part of the cost.
		replica.on('update', () => {});
		const started = performance.now();
		try {
			Y.applyUpdate(replica, update);
		} catch {
			return reply({ id, kind: 'malformed' });
		}
		const ms = performance.now() - started;
		// Pending structs wait for content the document lacks; Yjs retries them on every later update.
		const pending = replica.store.pendingStructs !== null || replica.store.pendingDs !== null;
		// What the room will hold once the update is in: later small updates may build on it while
		// it is still being stored (room.ts counts appends in flight).
		reply({ id, kind: 'measured', ms, pending, state: Y.encodeStateVector(replica) });
	} finally {
		replica.destroy();
	}
});
