import type { AccessInvalidation } from '$lib/server/live/invalidation';

/**
 * Relays what happens in one instance's rooms to the other instances serving the same
 * documents. Every message is delivered to the *other* instances only, never back to the one
 * that published it.
 *
 * Contract for implementations (the local one here; a Redis one can follow the same shape):
 * - `publishUpdate` is called only after the update is durable; receivers apply it to their
 *   copy of the room and relay it to their clients, but never store it again.
 * - updates and awareness of one document arrive in the order they were published by one
 *   instance; Yjs needs no order across instances.
 * - invalidations go to every other instance, which re-checks its own connections.
 */
export interface Fanout {
	publishUpdate(name: string, update: Uint8Array): void;
	publishAwareness(name: string, update: Uint8Array): void;
	/** Listens to one document while its room is loaded; returns the unsubscribe function. */
	subscribeDocument(name: string, listener: DocumentListener): () => void;
	publishInvalidation(event: AccessInvalidation): void;
	subscribeInvalidations(listener: (event: AccessInvalidation) => void): () => void;
	close(): Promise<void>;
}

export type DocumentMessage =
	{ type: 'update'; update: Uint8Array } | { type: 'awareness'; update: Uint8Array };

export type DocumentListener = (message: DocumentMessage) => void;
