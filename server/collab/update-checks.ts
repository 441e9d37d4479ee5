import * as Y from 'yjs';
import type { AppendLedger } from './append-ledger';
import { CloseCode } from './close-codes';
import type { Connection } from './connection';
import type { SyncUpdate } from './protocol';
import type { SuggestGuard } from './suggest-guard';
import { MISSING_CONTENT, reachWhenIntegrated, type Reach } from './update-dependencies';
import { ACCEPT, drop, refuse, type Objection, type Verdict } from './verdict';

/** An admitted update goes on with what the room holds once it is in; anything else stops. */
export type UpdateVerdict = Objection | { kind: 'accept'; reach: Reach };

/** A client with nothing new answers the sync with this: no structs, no deletions. */
const isEmptyUpdate = (update: Uint8Array) =>
	update.length === 2 && update[0] === 0 && update[1] === 0;

/**
 * The checks a client's sync update passes in the room before it is stored, in order; the
 * first that objects decides. Large updates passed a trial in a worker before (update-budget.ts,
 * which found their reach). The room carries the verdict out (verdict.ts).
 */
export function admitUpdate(
	connection: Connection,
	message: SyncUpdate,
	room: { ledger: AppendLedger; suggestions: SuggestGuard }
): UpdateVerdict {
	const writing = writable(connection, message);
	if (writing.kind !== 'accept') return writing;
	const reach = message.reach ?? reachOf(message, room.ledger);
	if (!reach) return incomplete(connection);
	// Suggest-only: their own suggestions or nothing (ADR 0095).
	const suggesting =
		connection.permission === 'suggest'
			? room.suggestions.judge(connection, message.update)
			: ACCEPT;
	return suggesting.kind === 'accept' ? { kind: 'accept', reach } : suggesting;
}

/** Read-only people's updates and empty answers to the sync: never applied, stored or relayed. */
function writable(connection: Connection, message: SyncUpdate): Verdict {
	if (!connection.canWrite) return drop('read only');
	if (isEmptyUpdate(message.update)) return drop('empty update');
	return ACCEPT;
}

/** Small updates are checked here; large ones were tried in a worker and carry their reach. */
function reachOf({ update, decoded }: SyncUpdate, ledger: AppendLedger): Reach | null {
	return reachWhenIntegrated(update, decoded ?? Y.decodeUpdate(update), ledger.held);
}

/**
 * An update depending on content the room lacks and will not receive (ADR 0014). Before its
 * sync step 2, a client may send one that builds on its offline edits: that step 2 carries
 * it again with them, so it is only dropped. After it, the update is refused like a trial's.
 */
function incomplete(connection: Connection): Objection {
	if (!connection.answeredSync) return drop(`${MISSING_CONTENT}, before the sync`);
	return refuse(CloseCode.UpdateTooCostly, MISSING_CONTENT);
}
