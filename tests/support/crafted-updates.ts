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
 * Written byte by byte (≈ 12 bytes a client): building it with Yjs is quadratic too.
 */
export function danglingUpdate(clients: number, text = 'y'): Uint8Array {
	return craftedUpdate(
		// Client 1, clock 0: an item nobody has.
		Array.from({ length: clients }, (_, i) => ({
			client: 1_000 + i,
			items: [{ origin: id(1, 0), text }]
		}))
	);
}

export interface CraftedItem {
	/** The item it was inserted after; with neither origin, it goes into the root text `body`. */
	origin?: Y.ID;
	/** The item it was inserted before. */
	rightOrigin?: Y.ID;
	text?: string;
}

export interface CraftedRun {
	client: number;
	/** Clock of the run's first item (default 0); each item takes as many as its text's length. */
	clock?: number;
	items: CraftedItem[];
}

export const id = (client: number, clock: number) => Y.createID(client, clock);

/**
 * An update (format v1) written as given, even what no Yjs client would write: runs of string
 * items with any references, a client in several runs, deletions of anything.
 */
export function craftedUpdate(
	runs: CraftedRun[],
	deletions: { client: number; clock: number; len: number }[] = []
): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, runs.length);
	for (const { client, clock = 0, items } of runs) {
		encoding.writeVarUint(encoder, items.length);
		encoding.writeVarUint(encoder, client);
		encoding.writeVarUint(encoder, clock);
		for (const { origin, rightOrigin, text = 'y' } of items) {
			// String content (4), with flags for the references that follow.
			encoding.writeUint8(encoder, (origin ? 0x80 : 0) | (rightOrigin ? 0x40 : 0) | 4);
			for (const reference of [origin, rightOrigin]) {
				if (!reference) continue;
				encoding.writeVarUint(encoder, reference.client);
				encoding.writeVarUint(encoder, reference.clock);
			}
			if (!origin && !rightOrigin) {
				encoding.writeVarUint(encoder, 1); // the parent is a root type, by name
				encoding.writeVarString(encoder, 'body');
			}
			encoding.writeVarString(encoder, text);
		}
	}
	const byClient = new Map<number, typeof deletions>();
	for (const deletion of deletions) {
		byClient.set(deletion.client, [...(byClient.get(deletion.client) ?? []), deletion]);
	}
	encoding.writeVarUint(encoder, byClient.size);
	for (const [client, ranges] of byClient) {
		encoding.writeVarUint(encoder, client);
		encoding.writeVarUint(encoder, ranges.length);
		for (const { clock, len } of ranges) {
			encoding.writeVarUint(encoder, clock);
			encoding.writeVarUint(encoder, len);
		}
	}
	return encoding.toUint8Array(encoder);
}
