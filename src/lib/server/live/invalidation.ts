/**
 * When access changes, the domain publishes here (after its transaction committed); the
 * collaboration server re-checks the affected connections and closes those whose access is
 * no longer what it was, so that clients reconnect and access is decided again, in one place.
 * With REDIS_URL the fan-out forwards these to every instance.
 */
export type AccessInvalidation =
	/** A membership, role or session of this person changed (in this project, when given). */
	| { personId: string; projectId?: string }
	/** The document's own rule changed: a section got locked, minutes were frozen. */
	| { documentName: string };

export type InvalidationListener = (event: AccessInvalidation) => void;

/** In-process publish/subscribe; also carries document updates (live/update-bus.ts). */
export interface Bus<T> {
	publish(event: T): void;
	subscribe(listener: (event: T) => void): () => void;
}

export function createBus<T>(): Bus<T> {
	const listeners = new Set<(event: T) => void>();
	return {
		publish(event) {
			for (const listener of listeners) listener(event);
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		}
	};
}

export type InvalidationBus = Bus<AccessInvalidation>;

export function createInvalidationBus(): InvalidationBus {
	return createBus<AccessInvalidation>();
}
