import { Worker } from 'node:worker_threads';
import type { ExportDocument } from './document-model';
import { logger } from '../log/logger';

/**
 * Export rendering off the event loop (issue 15, ADR 0200): a 200-page PDF takes seconds of
 * CPU, and on the event loop every socket, page and live document would wait for it. One worker
 * thread renders, one export at a time, in the order asked; it starts on the first export and
 * stops after a minute without one, so an idle server holds no second heap.
 *
 * The worker is the bundled `export-render-worker.js` (scripts/build-server.js) that the process
 * entry names when it starts the runtime. Without one (the Vite dev server, tests that call the
 * domain directly) exports render on this thread as before.
 */
export type RenderFormat = 'docx' | 'odt' | 'pdf';

export interface RenderRequest {
	id: number;
	format: RenderFormat;
	document: ExportDocument;
}

export type RenderReply =
	| { id: number; kind: 'progress'; done: number; total: number }
	| { id: number; kind: 'done'; bytes: Uint8Array }
	| { id: number; kind: 'failed'; message: string; code?: string };

interface Pending {
	request: RenderRequest;
	progress?: (done: number, total: number) => void;
	resolve: (bytes: Uint8Array) => void;
	reject: (error: Error) => void;
}

const IDLE_STOP_MS = 60_000;

export interface RenderWorkerPool {
	render(
		format: RenderFormat,
		document: ExportDocument,
		progress?: (done: number, total: number) => void
	): Promise<Uint8Array>;
	/** Exports rendered by the worker since the pool started (benchmarks and tests read it). */
	readonly rendered: number;
	stop(): Promise<void>;
}

export function createRenderWorkerPool(file: string | URL): RenderWorkerPool {
	let worker: Worker | null = null;
	let idleTimer: NodeJS.Timeout | undefined;
	let nextId = 1;
	let rendered = 0;
	const queue: Pending[] = [];
	let current: Pending | null = null;

	function spawn(): Worker {
		const spawned = new Worker(file);
		spawned.on('message', (reply: RenderReply) => answer(reply));
		spawned.on('error', (error) => logger.error({ err: error }, 'export worker failed'));
		spawned.on('exit', (code) => {
			if (worker !== spawned) return;
			worker = null;
			// A crash (out of memory, say) fails the export in hand; the next one starts a new worker.
			if (current) {
				current.reject(new Error(`export worker stopped (exit code ${code})`));
				current = null;
				next();
			}
		});
		return spawned;
	}

	function answer(reply: RenderReply): void {
		if (!current || reply.id !== current.request.id) return;
		if (reply.kind === 'progress') {
			current.progress?.(reply.done, reply.total);
			return;
		}
		const settled = current;
		current = null;
		if (reply.kind === 'done') {
			rendered += 1;
			settled.resolve(reply.bytes);
		} else {
			settled.reject(
				Object.assign(new Error(reply.message), reply.code ? { code: reply.code } : {})
			);
		}
		next();
	}

	function next(): void {
		clearTimeout(idleTimer);
		const pending = queue.shift();
		if (!pending) {
			// Idle, the worker keeps no process alive; busy, it does, as any work in hand would.
			worker?.unref();
			idleTimer = setTimeout(() => void worker?.terminate(), IDLE_STOP_MS);
			idleTimer.unref();
			return;
		}
		current = pending;
		worker ??= spawn();
		worker.ref();
		try {
			worker.postMessage(pending.request);
		} catch (error) {
			// A document the structured clone cannot copy: a bug in the caller, not the worker's.
			current = null;
			pending.reject(error as Error);
			next();
		}
	}

	return {
		render(format, document, progress) {
			return new Promise((resolve, reject) => {
				queue.push({ request: { id: nextId++, format, document }, progress, resolve, reject });
				if (!current) next();
			});
		},
		get rendered() {
			return rendered;
		},
		async stop() {
			clearTimeout(idleTimer);
			const stopping = worker;
			worker = null;
			for (const pending of [current, ...queue.splice(0)]) {
				pending?.reject(new Error('export worker stopped: the server is shutting down'));
			}
			current = null;
			await stopping?.terminate();
		}
	};
}

/**
 * The pool of this process, on globalThis: SvelteKit's bundle (where exports are asked for) and
 * `server/` (which starts the runtime) each load their own copy of this module.
 */
const KEY = Symbol.for('tavolo.exportRenderWorker');
type Holder = { [KEY]?: RenderWorkerPool };
const holder = globalThis as Holder;

export function installRenderWorker(file: string | URL): RenderWorkerPool {
	holder[KEY] = createRenderWorkerPool(file);
	return holder[KEY];
}

export function installedRenderWorker(): RenderWorkerPool | undefined {
	return holder[KEY];
}

export async function uninstallRenderWorker(): Promise<void> {
	const pool = holder[KEY];
	delete holder[KEY];
	await pool?.stop();
}
