/**
 * Worker thread holding the embedded PostgreSQL (pglite-thread.ts starts it; ADR 0212). It only
 * executes wire-protocol bytes: parsing, serialising values and the query/transaction queues
 * stay with the caller, so a query of seconds runs here while the event loop keeps serving.
 *
 * Plain JavaScript so that Node runs it as it is from the source tree (vitest, tsx, vite dev)
 * and from build/ (scripts/build-server.js puts it beside server.js): a worker thread gets no
 * TypeScript loader.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

/** @typedef {import('./pglite-thread').ThreadRequest} ThreadRequest */
/** @typedef {import('./pglite-thread').ThreadReply} ThreadReply */

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
/** @type {{ dataDir: string | null }} */
const { dataDir } = workerData;

/** `unaccent` for search that ignores accents (ADR 0140), as pglite.ts loads it in-process. */
const options = { extensions: { unaccent } };

/** @param {unknown} error */
function described(error) {
	const { message, stack } = error instanceof Error ? error : new Error(String(error));
	return { message, stack };
}

/** @param {ThreadReply} reply @param {ArrayBuffer[]} [transfer] */
const reply = (reply, transfer) => port.postMessage(reply, transfer);

/**
 * The reply's bytes move to the caller without a copy when they own their buffer; PGlite may
 * answer with a view into a larger one, which is copied out first.
 * @param {Uint8Array} bytes
 */
function owned(bytes) {
	return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
		? bytes
		: bytes.slice();
}

/** @type {PGlite} */
let db;
/** Whether PostgreSQL started; requests arriving before wait for it. */
const started = (async () => {
	try {
		db = dataDir ? new PGlite(dataDir, options) : new PGlite(options);
		await db.waitReady;
		reply({ kind: 'ready' });
		return true;
	} catch (error) {
		reply({ kind: 'failed', error: described(error) });
		port.close();
		return false;
	}
})();

// Listening from the start keeps the thread alive while PostgreSQL starts: WebAssembly's
// compilation alone does not, and an in-memory database has no file to wait on meanwhile.
port.on('message', async (/** @type {ThreadRequest} */ request) => {
	if (await started) await serve(request);
});

/** @param {ThreadRequest} request */
async function serve(request) {
	if (request.kind === 'close') {
		try {
			await db.close();
			reply({ kind: 'closed' });
		} catch (error) {
			reply({ kind: 'failed', error: described(error) });
		}
		port.close();
		return;
	}
	try {
		// Every call syncs the filesystem (PGlite's default), so the caller's syncToFs has nothing
		// left to do: NodeFS and the in-memory filesystem write through anyway.
		const bytes = owned(await db.execProtocolRaw(request.bytes));
		// `owned` gave the bytes a buffer of their own: never a SharedArrayBuffer.
		reply({ kind: 'result', id: request.id, bytes }, [/** @type {ArrayBuffer} */ (bytes.buffer)]);
	} catch (error) {
		reply({ kind: 'error', id: request.id, error: described(error) });
	}
}
