import type * as Y from 'yjs';
import { encodeSyncStep1, encodeSyncStep2 } from './protocol';

/** What a client that holds nothing sends as its state vector: no clients. */
const isEmptyStateVector = (stateVector: Uint8Array) =>
	stateVector.length === 1 && stateVector[0] === 0;

/**
 * The room's sync frames, encoded once per state of its document instead of once per client
 * (ADR 0213). Everyone who joins gets the same step 1 (the room's state vector), and a client
 * holding nothing yet — a page just opened, the common case of a burst — the same step 2 (the
 * whole document): a hundred people opening a 1 MB document cost one encoding, not a hundred.
 * Both are forgotten at every change of the document, before the change is relayed.
 */
export class SyncFrames {
	private stateVector: Uint8Array | null = null;
	private whole: Uint8Array | null = null;

	constructor(private readonly doc: Y.Doc) {
		doc.on('update', this.forget);
	}

	step1(): Uint8Array {
		return (this.stateVector ??= encodeSyncStep1(this.doc));
	}

	/** The answer to a client's step 1: everything it is missing. */
	step2(stateVector: Uint8Array): Uint8Array {
		// Content waiting for its dependencies enters no update event: encoded afresh each time.
		const { pendingStructs, pendingDs } = this.doc.store;
		if (!isEmptyStateVector(stateVector) || pendingStructs || pendingDs) {
			return encodeSyncStep2(this.doc, stateVector);
		}
		return (this.whole ??= encodeSyncStep2(this.doc, stateVector));
	}

	destroy(): void {
		this.doc.off('update', this.forget);
		this.forget();
	}

	private readonly forget = () => {
		this.stateVector = null;
		this.whole = null;
	};
}
