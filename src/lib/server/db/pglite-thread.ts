import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	Mutex,
	PGlite,
	protocol,
	type ExecProtocolResult,
	type messages,
	type PGliteOptions
} from '@electric-sql/pglite';

type BackendMessage = messages.BackendMessage;
type NoticeMessage = messages.NoticeMessage;

/**
 * PGlite with its PostgreSQL in a worker thread (ADR 0212). A query of seconds used to hold the
 * event loop for seconds (every socket, request and live document waited); now the WebAssembly
 * PostgreSQL runs in pglite-worker.js, and this side keeps what PGlite's `BasePGlite` does on top
 * of `execProtocolRaw`: serialising parameters, parsing replies with the caller's parsers (the
 * bytea codec, drizzle's per-query parsers: functions, which cannot cross threads), the query
 * and transaction queues (`_runExclusiveQuery`/`_runExclusiveTransaction`, which the prepared
 * statements of pglite-prepared.ts share). Only bytes cross: the request copied once, the reply
 * transferred.
 *
 * Private API of @electric-sql/pglite ~0.5.16 (ADR 0212): `BasePGlite` is not exported, so it is
 * reached as PGlite's parent class, and its query/exec/transaction call `execProtocolStream` once
 * per wire message (Parse, Describe, Bind, Describe, Execute, Sync: six round trips a query). The
 * messages whose replies nobody reads before the Sync are held back and sent with the next one
 * that needs an answer (see `deferrable`), so a query costs two round trips and `exec` one.
 */

/** What crosses to the worker. */
export type ThreadRequest = { kind: 'exec'; id: number; bytes: Uint8Array } | { kind: 'close' };

/** What comes back. */
export type ThreadReply =
	| { kind: 'ready' }
	| { kind: 'closed' }
	| { kind: 'result'; id: number; bytes: Uint8Array }
	| { kind: 'error'; id: number; error: ThreadError }
	| { kind: 'failed'; error: ThreadError };

interface ThreadError {
	message: string;
	stack?: string;
}

/** The worker stopped without being closed (a crash of PostgreSQL, out of memory): fatal. */
export class PgliteWorkerStoppedError extends Error {}

type BaseClass = abstract new () => Pick<
	PGlite,
	| 'query'
	| 'sql'
	| 'exec'
	| 'transaction'
	| 'describeQuery'
	| 'runExclusive'
	| 'serializers'
	| 'parsers'
	| '_initArrayTypes'
	| 'refreshArrayTypes'
>;

/** PGlite's `BasePGlite` (query, transaction, parsing on top of the abstract methods below). */
const BasePGlite = Object.getPrototypeOf(PGlite) as BaseClass;
if (typeof BasePGlite !== 'function' || typeof BasePGlite.prototype.transaction !== 'function') {
	throw new Error(
		'@electric-sql/pglite changed: BasePGlite is no longer PGlite’s parent (ADR 0212)'
	);
}

const WORKER_FILE = 'pglite-worker.js';

/**
 * The worker beside this module (source tree: vitest, tsx, vite dev; build/server.js), or in a
 * folder above it (the SvelteKit bundle's chunks, build/server/chunks/, find build/'s copy).
 */
export function pgliteWorkerFile(from = dirname(fileURLToPath(import.meta.url))): string {
	for (let folder = from, depth = 0; depth < 4; folder = dirname(folder), depth++) {
		const candidate = join(folder, WORKER_FILE);
		if (existsSync(candidate)) return candidate;
	}
	throw new Error(`${WORKER_FILE} not found beside or above ${from}`);
}

export interface ThreadOptions extends Pick<PGliteOptions, 'serializers' | 'parsers'> {
	/** Told once when the worker stops without close(); pending and later calls reject. */
	onStopped?: (error: PgliteWorkerStoppedError) => void;
}

export class PgliteThread extends BasePGlite {
	readonly debug = 0 as const;
	readonly waitReady: Promise<void>;
	#worker: Worker;
	#started: Promise<void>;
	#pending = new Map<number, { resolve(bytes: Uint8Array): void; reject(error: Error): void }>();
	#nextId = 0;
	#held: Uint8Array[] = [];
	#queryLock = new Mutex();
	#transactionLock = new Mutex();
	#closing = false;
	#closed: (() => void) | null = null;
	#stopped: PgliteWorkerStoppedError | null = null;

	/** `dataDir` null: in memory. */
	constructor(dataDir: string | null, options: ThreadOptions = {}) {
		super();
		this.serializers = { ...this.serializers, ...options.serializers };
		this.parsers = { ...this.parsers, ...options.parsers };
		this.#worker = new Worker(pgliteWorkerFile(), { workerData: { dataDir } });
		this.#started = new Promise<void>((resolve, reject) => {
			this.#worker.on('message', (reply: ThreadReply) => {
				if (reply.kind === 'ready') {
					this.#worker.unref();
					resolve();
				} else if (reply.kind === 'failed') {
					reject(new Error(reply.error.message));
					void this.#worker.terminate();
				} else this.#answer(reply);
			});
			this.#worker.on('error', (error) => this.#stop(error, options.onStopped));
			this.#worker.on('exit', (code) => {
				if (this.#closed) this.#closed();
				else this.#stop(new Error(`exit code ${code}`), options.onStopped);
				reject(this.#stopped ?? new Error('PGlite worker exited before it was ready'));
			});
		});
		this.#started.catch(() => {});
		// PGlite learns the array types' ids once it runs; until then a text[] column reads as text.
		this.waitReady = this.#started.then(() => this._initArrayTypes());
	}

	#answer(reply: ThreadReply): void {
		if (reply.kind !== 'result' && reply.kind !== 'error') return;
		const call = this.#pending.get(reply.id);
		if (!call) return;
		this.#pending.delete(reply.id);
		if (this.#pending.size === 0) this.#worker.unref();
		if (reply.kind === 'result') call.resolve(reply.bytes);
		else call.reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
	}

	#stop(cause: Error, onStopped?: (error: PgliteWorkerStoppedError) => void): void {
		if (this.#stopped || this.#closed) return;
		this.#stopped = new PgliteWorkerStoppedError(`The PGlite worker stopped: ${cause.message}`, {
			cause
		});
		for (const call of this.#pending.values()) call.reject(this.#stopped);
		this.#pending.clear();
		onStopped?.(this.#stopped);
	}

	/** Sends `bytes` (with what was held back) and waits for PostgreSQL's reply. */
	#send(bytes: Uint8Array): Promise<Uint8Array> {
		if (this.#stopped) return Promise.reject(this.#stopped);
		// One copy of exactly these bytes (and those held back) moves to the worker: the caller
		// keeps its own, and a view into a larger buffer never sends that buffer.
		const parts = [...this.#held, bytes];
		this.#held = [];
		const copy = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
		let offset = 0;
		for (const part of parts) {
			copy.set(part, offset);
			offset += part.length;
		}
		const id = this.#nextId++;
		return new Promise((resolve, reject) => {
			this.#pending.set(id, { resolve, reject });
			// The thread keeps the process alive only while it owes an answer, as PGlite in-process
			// did: a script that never closes its database still ends.
			this.#worker.ref();
			this.#worker.postMessage({ kind: 'exec', id, bytes: copy } satisfies ThreadRequest, [
				copy.buffer
			]);
		});
	}

	async execProtocolRaw(message: Uint8Array): Promise<Uint8Array> {
		return this.#send(message);
	}

	async execProtocolRawStream(
		message: Uint8Array,
		{ onRawData }: { onRawData: (data: Uint8Array) => void }
	): Promise<void> {
		onRawData(await this.#send(message));
	}

	async execProtocol(
		message: Uint8Array,
		{ throwOnError = true, onNotice }: ProtocolOptions = {}
	): Promise<ExecProtocolResult> {
		const data = await this.#send(message);
		return { messages: collect(data, throwOnError, onNotice), data };
	}

	async execProtocolStream(
		message: Uint8Array,
		{ throwOnError = true, onNotice }: ProtocolOptions = {}
	): Promise<BackendMessage[]> {
		if (deferrable(message)) {
			this.#held.push(message);
			return [];
		}
		return collect(await this.#send(message), throwOnError, onNotice);
	}

	/** The worker's every call already synced (pglite-worker.js). */
	async syncToFs(): Promise<void> {}

	async _handleBlob(blob?: unknown): Promise<void> {
		if (blob) throw new Error('COPY … /dev/blob is not supported by the PGlite worker');
	}
	async _getWrittenBlob(): Promise<undefined> {
		return undefined;
	}
	async _cleanupBlob(): Promise<void> {}

	async _checkReady(): Promise<void> {
		if (this.#closing) throw new Error('PGlite is closed');
		if (this.#stopped) throw this.#stopped;
		await this.#started;
	}

	_runExclusiveQuery<T>(fn: () => Promise<T>): Promise<T> {
		return this.#queryLock.runExclusive(fn);
	}

	_runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T> {
		return this.#transactionLock.runExclusive(fn);
	}

	async listen(): Promise<never> {
		throw new Error('LISTEN is not supported by the PGlite worker');
	}

	/**
	 * Ends the thread at once, PostgreSQL not shut down: what a crash of the worker looks like to
	 * the caller (pending and later calls reject, onStopped is told). close() is the clean end.
	 */
	async terminate(): Promise<void> {
		await this.#worker.terminate();
	}

	/** Waits for the queued work, shuts PostgreSQL down cleanly and ends the thread. */
	async close(): Promise<void> {
		if (this.#stopped) {
			await this.#worker.terminate();
			return;
		}
		await this._checkReady();
		await this._runExclusiveTransaction(() =>
			this._runExclusiveQuery(async () => {
				this.#closing = true;
			})
		);
		const exited = new Promise<void>((resolve) => (this.#closed = resolve));
		this.#worker.ref();
		this.#worker.postMessage({ kind: 'close' } satisfies ThreadRequest);
		await exited;
	}
}

interface ProtocolOptions {
	syncToFs?: boolean;
	throwOnError?: boolean;
	onNotice?: (notice: NoticeMessage) => void;
}

const code = (letter: string) => letter.charCodeAt(0);
const PARSE = code('P');
const BIND = code('B');
const EXECUTE = code('E');
const QUERY = code('Q');
const DESCRIBE = code('D');
const PORTAL = code('P');

/**
 * One frontend message whose replies BasePGlite only reads after its Sync: Parse, Bind, Execute,
 * Describe of the portal (their replies go into the result, or an error it throws), and a simple
 * Query (`exec`). Describe of a statement is answered at once: parameters are serialised by the
 * types it reports. PostgreSQL answers the held messages exactly as if sent one by one: an error
 * makes it skip to the Sync, which then throws it, as before, from BasePGlite's `finally`.
 */
function deferrable(message: Uint8Array): boolean {
	if (message.length < 5) return false;
	const length = new DataView(message.buffer, message.byteOffset + 1, 4).getInt32(0);
	if (length + 1 !== message.length) return false;
	const type = message[0];
	if (type === DESCRIBE) return message[5] === PORTAL;
	return type === PARSE || type === BIND || type === EXECUTE || type === QUERY;
}

/**
 * PostgreSQL's reply as PGlite's execProtocolStream returns it: the messages up to the first
 * error, which is thrown (or, with throwOnError false, returned among them); notices go to
 * `onNotice`.
 */
function collect(
	data: Uint8Array,
	throwOnError: boolean,
	onNotice?: (notice: NoticeMessage) => void
): BackendMessage[] {
	const results: BackendMessage[] = [];
	let failure: Error | null = null;
	new protocol.Parser().parse(data, (message) => {
		if (failure) return;
		if (message instanceof protocol.messages.DatabaseError) {
			if (throwOnError) failure = message;
			else results.push(message);
		} else if (message instanceof protocol.messages.NoticeMessage) {
			onNotice?.(message);
			results.push(message);
		} else {
			results.push(message);
		}
	});
	if (failure) throw failure;
	return results;
}
