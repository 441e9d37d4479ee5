import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/**
 * The costliest update per byte a writer can send: `items` characters, each typed before the
 * previous one, so no two items merge and Yjs must decode, store and integrate them one by one
 * (≈ 11 bytes each).
 */
export function nonMergeableUpdate(items: number): Uint8Array {
	const doc = new Y.Doc();
	const text = doc.getText('body');
	doc.transact(() => {
		for (let i = 0; i < items; i++) text.insert(0, 'x');
	});
	return Y.encodeStateAsUpdate(doc);
}

/**
 * `clients` made-up people each insert `text` after a character no document has: every struct
 * waits for it (pending), which Yjs handles in quadratic time and retries on every later update.
 * Written byte by byte (update format v1, ≈ 12 bytes a client): building it with Yjs is
 * quadratic too.
 */
export function danglingUpdate(clients: number, text = 'y'): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, clients);
	for (let i = 0; i < clients; i++) {
		encoding.writeVarUint(encoder, 1); // structs of this client
		encoding.writeVarUint(encoder, 1_000 + i); // client id
		encoding.writeVarUint(encoder, 0); // clock of its first struct
		encoding.writeUint8(encoder, 0x80 | 4); // an item with a left origin and string content
		encoding.writeVarUint(encoder, 1); // left origin: client 1, clock 0 — which nobody has
		encoding.writeVarUint(encoder, 0);
		encoding.writeVarString(encoder, text);
	}
	encoding.writeVarUint(encoder, 0); // no deletions
	return encoding.toUint8Array(encoder);
}
