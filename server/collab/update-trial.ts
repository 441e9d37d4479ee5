import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import type { Logger } from '$lib/server/log/logger';
import type { Reach } from './update-dependencies';

export interface TrialRequest {
	id: number;
	/** The room's whole state (`Y.encodeStateAsUpdate`), loaded into the replica untimed. */
	state: Uint8Array;
	update: Uint8Array;
}

export type TrialResponse =
	| { id: number; kind: 'loaded' }
	| { id: number; kind: 'malformed' }
	| {
			id: number;
			kind: 'measured';
			ms: number;
			pending: boolean;
			/** The replica's state vector once the update is in. */
			state: Uint8Array;
	  };

export type TrialVerdict =
	| { kind: 'fits'; ms: number; reach: Reach }
	| { kind: 'over-budget'; ms: number }
	| { kind: 'pending' }
	| { kind: 'malformed' }
	| { kind: 'busy' };

/** Loading the room's own, already accepted state: generous, it only guards a stuck worker. */
const LOAD_TIMEOUT_MS = 10_000;
/**
 * A trial past the budget is refused anyway: stopping it soon after frees the core it burns
 * (two cores serve everything here). The slack covers the "loaded" message's way back.
 */
const KILL_SLACK_MS = 50;
/** More checks than this waiting, and the next sender is asked to come back later. */
const MAX_WAITING = 16;

interface Job extends TrialRequest {
	resolve(verdict: TrialVerdict): void;
}

/**
 * Trial integrations, one at a time, in one worker thread. A trial that runs past the budget
 * is stopped by terminating the worker (the only way to stop a loop); the next trial starts a
 * fresh one. The worker is started on the first trial: most servers never need it.
 */
export function createUpdateTrials(options: { budgetMs: number; log: Logger }) {
	const { budgetMs, log } = options;
	const waiting: Job[] = [];
	let worker: Worker | null = null;
	let current: Job | null = null;
	let timer: NodeJS.Timeout | undefined;
	let nextId = 0;

	function finish(verdict: TrialVerdict): void {
		clearTimeout(timer);
		const job = current;
		current = null;
		job?.resolve(verdict);
		startNext();
	}

	function stop(verdict: TrialVerdict, why: string): void {
		log.warn({ budgetMs }, `collab update trial stopped: ${why}`);
		const stopping = worker;
		worker = null;
		void stopping?.terminate();
		finish(verdict);
	}

	function spawn(): Worker {
		const spawned = new Worker(WORKER_FILE);
		spawned.unref();
		spawned.on('message', (response: TrialResponse) => {
			if (spawned !== worker || response.id !== current?.id) return;
			if (response.kind === 'loaded') {
				clearTimeout(timer);
				timer = setTimeout(
					() => stop({ kind: 'over-budget', ms: budgetMs + KILL_SLACK_MS }, 'over budget'),
					budgetMs + KILL_SLACK_MS
				);
			} else if (response.kind === 'malformed') finish({ kind: 'malformed' });
			else if (response.pending) finish({ kind: 'pending' });
			else if (response.ms > budgetMs) finish({ kind: 'over-budget', ms: response.ms });
			else finish({ kind: 'fits', ms: response.ms, reach: Y.decodeStateVector(response.state) });
		});
		// A worker that dies (out of memory on a crafted update) refuses the update it was trying.
		spawned.on('error', (error) => {
			if (spawned === worker) log.error({ err: error }, 'collab update trial failed');
		});
		spawned.on('exit', () => {
			if (spawned === worker) stop({ kind: 'malformed' }, 'worker exited');
		});
		return spawned;
	}

	function startNext(): void {
		if (current || waiting.length === 0) return;
		current = waiting.shift()!;
		worker ??= spawn();
		timer = setTimeout(
			() => stop({ kind: 'busy' }, 'room state not loaded in time'),
			LOAD_TIMEOUT_MS
		);
		const { id, state, update } = current;
		worker.postMessage({ id, state, update } satisfies TrialRequest, [state.buffer as ArrayBuffer]);
	}

	return {
		/** Resolves with the verdict; never rejects. `state` is transferred (unusable afterwards). */
		run(state: Uint8Array, update: Uint8Array): Promise<TrialVerdict> {
			if (waiting.length >= MAX_WAITING) return Promise.resolve({ kind: 'busy' });
			return new Promise((resolve) => {
				waiting.push({ id: nextId++, state, update, resolve });
				startNext();
			});
		},
		async close(): Promise<void> {
			for (const job of waiting.splice(0)) job.resolve({ kind: 'busy' });
			const stopping = worker;
			worker = null;
			if (current) finish({ kind: 'busy' });
			await stopping?.terminate();
		}
	};
}

export type UpdateTrials = ReturnType<typeof createUpdateTrials>;

/**
 * The worker's file beside this module: server/collab/ when running from source (vitest, tsx,
 * vite dev), build/ beside the bundle (scripts/build-server.js writes it there).
 */
const WORKER_FILE = new URL('./update-trial-worker.js', import.meta.url);
