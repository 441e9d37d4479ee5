import { eq, inArray, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '../db/client';
import { collabSnapshot, collabUpdate } from '../db/schema';
import { insertUpdateRows, type UpdateRow } from '../db/append-statement';
import { foldedSegments, replaceSegments, storedSegments } from './authorship/store';
import { writeSnapshot } from '../db/snapshot-statement';
import { documentTextRow, writeDocumentText } from './document-text';

/**
 * The stored form of live documents: a compacted snapshot plus the updates appended after it.
 * The collaboration server and domain code (exports, version restore, decision marks) both read
 * and write through here, so there is one definition of "the document".
 */

/**
 * Snapshot first, then updates in append order. One statement: one consistent view, also
 * while a compaction commits. (Both drivers turn bytea into bytes natively: postgres.js does,
 * and PGlite is given a codec that does, `db/pglite-bytea.ts`.)
 */
export async function loadStoredUpdates(db: Db, name: string): Promise<Uint8Array[]> {
	const rows = await db
		.select({ id: sql<number>`0::bigint`.mapWith(Number), bytes: collabSnapshot.state })
		.from(collabSnapshot)
		.where(eq(collabSnapshot.documentName, name))
		.unionAll(
			db
				.select({ id: collabUpdate.id, bytes: collabUpdate.update })
				.from(collabUpdate)
				.where(eq(collabUpdate.documentName, name))
		);
	return rows.sort((a, b) => a.id - b.id).map((row) => row.bytes);
}

/**
 * The same for many documents in one statement (a canvas opens every section at once): each
 * name's snapshot, then its updates in append order; a name with nothing stored gets none.
 */
export async function loadStoredUpdatesOf(
	db: Db,
	names: readonly string[]
): Promise<Map<string, Uint8Array[]>> {
	const byName = new Map<string, Uint8Array[]>(names.map((name) => [name, []]));
	if (names.length === 0) return byName;
	const rows = await db
		.select({
			name: collabSnapshot.documentName,
			id: sql<number>`0::bigint`.mapWith(Number),
			bytes: collabSnapshot.state
		})
		.from(collabSnapshot)
		.where(inArray(collabSnapshot.documentName, [...names]))
		.unionAll(
			db
				.select({
					name: collabUpdate.documentName,
					id: collabUpdate.id,
					bytes: collabUpdate.update
				})
				.from(collabUpdate)
				.where(inArray(collabUpdate.documentName, [...names]))
		);
	rows.sort((a, b) => a.id - b.id);
	for (const row of rows) byName.get(row.name)?.push(row.bytes);
	return byName;
}

/**
 * One INSERT for many updates: the collaboration server's group commit lands here. `authorId`
 * is who sent the update (ADR 0056); without it the text is shown with no author.
 */
export async function appendStoredUpdates(db: Db, rows: UpdateRow[]): Promise<void> {
	await insertUpdateRows(db, rows);
}

/**
 * Merges snapshot + updates into a new snapshot and deletes exactly the merged updates. Three
 * steps, so that the database is held only for reading and for writing, never while Yjs merges
 * (PGlite has one connection: every other room's appends would wait behind a long transaction,
 * over a second for a 7 MB document):
 * 1. read snapshot, updates and authorship in one consistent view;
 * 2. merge them, outside any transaction;
 * 3. write in one transaction, under the document's advisory lock: the snapshot, the folded
 *    authorship (ADR 0057) and the deletion of the merged rows by id. If another compaction
 *    (another instance) committed since step 1, nothing is written: its snapshot may hold rows
 *    this one never read. The document's text for search is written with it (ADR 0140).
 *    Killed at any point, either everything or nothing is written.
 */
export async function compactStoredDocument(db: Db, name: string): Promise<number> {
	const stored = await readForCompaction(db, name);
	if (stored.updates.length === 0) return 0;
	const { updates } = stored;
	const doc = docFromUpdates([
		...(stored.snapshot ? [stored.snapshot.state] : []),
		...updates.map((row) => row.update)
	]);
	const state = Buffer.from(Y.encodeStateAsUpdate(doc));
	// The text search finds (ADR 0140), written with the snapshot it was read from.
	const text = documentTextRow(name, doc);
	doc.destroy();
	const segments = foldedSegments(stored.segments, updates);
	const mergedIds = `{${updates.map((row) => row.id).join(',')}}`;
	const upToUpdateId = updates[updates.length - 1].id;
	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${name}))`);
		const [current] = await tx
			.select({ upToUpdateId: collabSnapshot.upToUpdateId })
			.from(collabSnapshot)
			.where(eq(collabSnapshot.documentName, name));
		if ((current?.upToUpdateId ?? null) !== (stored.snapshot?.upToUpdateId ?? null)) return 0;
		await writeSnapshot(db, tx, { documentName: name, state, upToUpdateId });
		if (segments) await replaceSegments(tx, name, segments);
		// By id, not "id <= upTo": a row with a lower id may commit after the read.
		await tx
			.delete(collabUpdate)
			.where(
				sql`${collabUpdate.documentName} = ${name} and ${collabUpdate.id} = any(${mergedIds}::bigint[])`
			);
		if (text) await writeDocumentText(tx, text);
		return updates.length;
	});
}

/** Step 1 of a compaction: one repeatable-read view of everything it merges. */
async function readForCompaction(db: Db, name: string) {
	return db.transaction(
		async (tx) => {
			const updates = await tx
				.select({
					id: collabUpdate.id,
					update: collabUpdate.update,
					authorId: collabUpdate.authorId
				})
				.from(collabUpdate)
				.where(eq(collabUpdate.documentName, name))
				.orderBy(collabUpdate.id);
			if (updates.length === 0) return { updates, snapshot: undefined, segments: [] };
			const [snapshot] = await tx
				.select({ state: collabSnapshot.state, upToUpdateId: collabSnapshot.upToUpdateId })
				.from(collabSnapshot)
				.where(eq(collabSnapshot.documentName, name));
			return { updates, snapshot, segments: await storedSegments(tx, name) };
		},
		{ isolationLevel: 'repeatable read', accessMode: 'read only' }
	);
}

function docFromUpdates(updates: Uint8Array[]): Y.Doc {
	const doc = new Y.Doc();
	doc.transact(() => {
		for (const update of updates) Y.applyUpdate(doc, update);
	});
	return doc;
}

/** The database, or something that holds it (the runtime). */
export type DbSource = Db | { database: unknown; db: Db };

/** The whole stored document, for exports and version views. Does not check access: callers do. */
export async function readDocument(source: DbSource, name: string): Promise<Y.Doc> {
	const db = 'database' in source ? source.db : source;
	return docFromUpdates(await loadStoredUpdates(db, name));
}

/** Several whole documents, read in one statement, in the order of `names`. */
export async function readDocuments(source: DbSource, names: readonly string[]): Promise<Y.Doc[]> {
	const db = 'database' in source ? source.db : source;
	const stored = await loadStoredUpdatesOf(db, names);
	return names.map((name) => docFromUpdates(stored.get(name) ?? []));
}
