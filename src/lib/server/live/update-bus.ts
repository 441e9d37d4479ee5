import { createBus, type Bus } from './invalidation';

/**
 * Updates written to a live document by domain code (a decision mark, a restored version).
 * The collaboration server listens and applies them to the room, if it has the document open,
 * so connected editors see the change at once.
 */
export interface DocumentUpdate {
	name: string;
	update: Uint8Array;
}

export type DocumentUpdateBus = Bus<DocumentUpdate>;

export function createDocumentUpdateBus(): DocumentUpdateBus {
	return createBus<DocumentUpdate>();
}
