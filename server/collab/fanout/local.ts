import type { AccessInvalidation } from '$lib/server/live/invalidation';
import type { DocumentListener, DocumentMessage, Fanout } from '../fanout';

/**
 * In-process fan-out. A single server needs no relay at all (`createLocalFanout()`); several
 * collaboration servers in one process (tests, or a future worker model) share one hub and see
 * each other's rooms exactly as separate instances would through Redis.
 */
export interface LocalFanoutHub {
	/** The fan-out of one more instance on this hub. */
	connect(): Fanout;
}

interface Member {
	documents: Map<string, Set<DocumentListener>>;
	invalidationListeners: Set<(event: AccessInvalidation) => void>;
}

export function createLocalFanoutHub(): LocalFanoutHub {
	const members = new Set<Member>();
	return {
		connect() {
			const self: Member = { documents: new Map(), invalidationListeners: new Set() };
			members.add(self);
			const others = () => [...members].filter((member) => member !== self);
			const toDocument = (name: string, message: DocumentMessage) => {
				for (const member of others()) {
					for (const listener of member.documents.get(name) ?? []) listener(message);
				}
			};
			return {
				publishUpdate: (name, update) => toDocument(name, { type: 'update', update }),
				publishAwareness: (name, update) => toDocument(name, { type: 'awareness', update }),
				subscribeDocument(name, listener) {
					const listeners = self.documents.get(name) ?? new Set();
					listeners.add(listener);
					self.documents.set(name, listeners);
					return () => {
						listeners.delete(listener);
						if (listeners.size === 0) self.documents.delete(name);
					};
				},
				publishInvalidation(event) {
					for (const member of others()) {
						for (const listener of member.invalidationListeners) listener(event);
					}
				},
				subscribeInvalidations(listener) {
					self.invalidationListeners.add(listener);
					return () => self.invalidationListeners.delete(listener);
				},
				async close() {
					members.delete(self);
				}
			};
		}
	};
}

/** One instance alone: nothing to relay. */
export function createLocalFanout(): Fanout {
	return createLocalFanoutHub().connect();
}
