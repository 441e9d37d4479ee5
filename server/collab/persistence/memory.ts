import * as Y from 'yjs';
import type { Persistence } from '../persistence';

/**
 * Updates kept in this process only: for tests of the contract and for experiments. Nothing
 * survives a restart, so the server never picks it by itself.
 */
export function createMemoryPersistence(): Persistence & { updateCount(name: string): number } {
	const documents = new Map<string, Uint8Array[]>();
	return {
		async load(name) {
			return [...(documents.get(name) ?? [])];
		},
		async append(name, update) {
			const stored = documents.get(name) ?? [];
			stored.push(update);
			documents.set(name, stored);
		},
		async compact(name) {
			const stored = documents.get(name);
			if (!stored || stored.length < 2) return;
			documents.set(name, [Y.mergeUpdates(stored)]);
		},
		async close() {},
		updateCount(name) {
			return documents.get(name)?.length ?? 0;
		}
	};
}
