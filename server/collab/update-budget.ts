import * as Y from 'yjs';
import type { Logger } from '$lib/server/log/logger';
import { CloseCode } from './close-codes';
import type { Connection } from './connection';
import { decodeMessage, ProtocolError, type ClientMessage } from './protocol';
import type { Room } from './room';
import { MISSING_CONTENT } from './update-dependencies';
import { createUpdateTrials, type TrialVerdict } from './update-trial';
import { enforce, refuse, type Verdict } from './verdict';

/** A room that never stops appending (constant typing) is not waited for longer than this. */
const SETTLE_WAIT_MS = 2_000;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

export interface UpdateBudgetOptions {
	/** Sync updates in frames of at least this many bytes are tried in the worker first. */
	checkBytes: number;
	/** Longest trial integration accepted: about what the event loop then spends on it. */
	budgetMs: number;
	log: Logger;
}

/**
 * Keeps a crafted update from stalling the event loop (ADR 0013). Small frames — typing, the
 * normal case — are decoded and delivered at once (the room checks what they depend on, ADR
 * 0014). A large sync update is first integrated into a replica of its room in a worker
 * thread; if that takes longer than the budget, or leaves structs waiting for content the
 * document lacks, its sender is closed with 4413 and the update is stored, applied and relayed
 * nowhere. A connection's messages keep their order: whatever it sends while one of its updates
 * is on trial waits behind it.
 */
export function createUpdateBudget({ checkBytes, budgetMs, log }: UpdateBudgetOptions) {
	const trials = createUpdateTrials({ budgetMs, log });
	const queues = new WeakMap<Connection, Promise<void>>();

	/** The message to deliver — an update with the reach its trial found — or null if refused. */
	async function tried(
		room: Room,
		connection: Connection,
		message: ClientMessage
	): Promise<ClientMessage | null> {
		if ((message.type !== 'sync-step-2' && message.type !== 'update') || !connection.canWrite) {
			return message; // read-only updates are dropped by the room anyway
		}
		await room.ready;
		if (connection.closed) return null;
		const trial = () => trials.run(Y.encodeStateAsUpdate(room.doc), message.update);
		let verdict = await trial();
		// It may build on this sender's previous update, stored but not yet integrated: once the
		// room's appends are done, a second trial tells a real gap from one still in flight.
		if (verdict.kind === 'pending' && !connection.closed) {
			await Promise.race([room.settled(), delay(SETTLE_WAIT_MS)]);
			verdict = await trial();
		}
		if (connection.closed) return null;
		if (verdict.kind === 'fits') return { ...message, reach: verdict.reach };
		enforce(log, connection, refusal(verdict));
		return null;
	}

	async function admitLater(
		room: Room,
		connection: Connection,
		frame: Uint8Array,
		deliver: (message: ClientMessage) => void
	): Promise<void> {
		if (connection.closed) return;
		let message: ClientMessage;
		try {
			// A large update is parsed by the trial, off the event loop.
			message = decodeMessage(frame, { parseUpdates: frame.length < checkBytes });
		} catch (error) {
			const reason = error instanceof ProtocolError ? error.message : 'unreadable';
			enforce(log, connection, refuse(CloseCode.InvalidMessage, reason));
			return;
		}
		if (frame.length < checkBytes) return deliver(message);
		const accepted = await tried(room, connection, message);
		if (accepted) deliver(accepted);
	}

	return {
		/**
		 * Hands the frame's message to `deliver` now (small frames: a decoding error is thrown, as
		 * `decodeMessage` does) or once its trial passed; refusals close the connection here.
		 */
		admit(
			room: Room,
			connection: Connection,
			frame: Uint8Array,
			deliver: (message: ClientMessage) => void
		): void {
			const queued = queues.get(connection);
			if (!queued && frame.length < checkBytes) return deliver(decodeMessage(frame));
			const next = (queued ?? Promise.resolve())
				.then(() => admitLater(room, connection, frame, deliver))
				.catch((error: unknown) => {
					log.error({ err: error, document: room.name }, 'collab update check failed');
					enforce(
						log,
						connection,
						refuse(CloseCode.InvalidMessage, 'check failed', 'invalid message')
					);
				})
				.finally(() => {
					if (queues.get(connection) === next) queues.delete(connection);
				});
			queues.set(connection, next);
		},
		close: () => trials.close()
	};
}

export type UpdateBudget = ReturnType<typeof createUpdateBudget>;

/** A trial's finding as the verdict every check gives. */
function refusal(verdict: Exclude<TrialVerdict, { kind: 'fits' }>): Verdict {
	switch (verdict.kind) {
		case 'over-budget':
			return refuse(CloseCode.UpdateTooCostly, 'update over budget');
		case 'pending':
			return refuse(CloseCode.UpdateTooCostly, MISSING_CONTENT);
		case 'malformed':
			return refuse(CloseCode.InvalidMessage, 'malformed update');
		case 'busy':
			return refuse(CloseCode.TryAgainLater, 'server busy');
	}
}
