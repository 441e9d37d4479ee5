import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import * as Y from 'yjs';
import type { Db } from '../../src/lib/server/db/client';
import { collabUpdate } from '../../src/lib/server/db/schema';
import { loadStoredUpdates } from '../../src/lib/server/live/store';

/** The document as the database holds it (snapshot + appended updates). */
export async function storedDoc(db: Db, name: string): Promise<Y.Doc> {
	const doc = new Y.Doc();
	for (const update of await loadStoredUpdates(db, name)) Y.applyUpdate(doc, update);
	return doc;
}

/**
 * Everything the clients hold is in the database (state vectors equal), and no client-made
 * struct was appended twice: the (client, clock) ranges of the appended rows never overlap.
 */
export async function expectStoredOnce(
	db: Db,
	name: string,
	clients: { doc: Y.Doc }[]
): Promise<void> {
	const stored = await storedDoc(db, name);
	const storedVector = Y.decodeStateVector(Y.encodeStateVector(stored));
	for (const client of clients) {
		const vector = Y.decodeStateVector(Y.encodeStateVector(client.doc));
		expect(Object.fromEntries(storedVector)).toEqual(Object.fromEntries(vector));
	}
	const rows = await db
		.select({ update: collabUpdate.update })
		.from(collabUpdate)
		.where(eq(collabUpdate.documentName, name));
	const seen = new Map<number, [number, number][]>();
	let overlaps = 0;
	for (const row of rows) {
		for (const struct of Y.decodeUpdate(row.update).structs) {
			if (!(struct instanceof Y.Item)) continue;
			const ranges = seen.get(struct.id.client) ?? [];
			const start = struct.id.clock;
			const end = start + struct.length;
			if (ranges.some(([from, to]) => start < to && from < end)) overlaps++;
			ranges.push([start, end]);
			seen.set(struct.id.client, ranges);
		}
	}
	expect(overlaps).toBe(0);
}
