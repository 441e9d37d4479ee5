import * as Y from 'yjs';

/**
 * Runs `change` on the document and returns the Yjs update it produced, or null when it
 * changed nothing. A state vector cannot tell: deleting text leaves it as it was.
 */
export function captureUpdate(doc: Y.Doc, change: () => void): Uint8Array | null {
	const updates: Uint8Array[] = [];
	const collect = (update: Uint8Array) => updates.push(update);
	doc.on('update', collect);
	try {
		doc.transact(change);
	} finally {
		doc.off('update', collect);
	}
	return updates.length === 0 ? null : Y.mergeUpdates(updates);
}
