import { eq, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '../db/client';
import { collabSnapshot, collabUpdate } from '../db/schema';
import { InvalidError } from '../errors';
import type { Runtime } from '../runtime';
import { insertUpdateRows, type UpdateRow } from './append-statement';
import { parseDocumentName } from './document-name';
import { TAVOLO_AUTHOR } from './authorship-claims';
import { foldAuthorship } from './authorship-store';

/**
 * The stored form of live documents: a compacted snapshot plus the updates appended after it.
 * The collaboration server and domain code (exports, version restore, decision marks) both read
 * and write through here, so there is one definition of "the document".
 */

/**
 * Snapshot first, then updates in append order. One statement: one consistent view, also
 * while a compaction commits. Bytes travel as hex text: PGlite decodes bytea columns byte by
 * byte in JavaScript (~100 ms for 1 MB), Buffer.from(hex) natively (~2 ms); postgres.js
 * receives bytea as hex text anyway.
 */
export async function loadStoredUpdates(db: Db, name: string): Promise<Uint8Array[]> {
	const rows = await db
		.select({ id: sql<number>`0::bigint`.mapWith(Number), hex: hex(collabSnapshot.state) })
		.from(collabSnapshot)
		.where(eq(collabSnapshot.documentName, name))
		.unionAll(
			db
				.select({ id: collabUpdate.id, hex: hex(collabUpdate.update) })
				.from(collabUpdate)
				.where(eq(collabUpdate.documentName, name))
		);
	return rows.sort((a, b) => a.id - b.id).map((row) => Buffer.from(row.hex, 'hex'));
}

const hex = (column: typeof collabUpdate.update | typeof collabSnapshot.state) =>
	sql<string>`encode(${column}, 'hex')`;

/**
 * One INSERT for many updates: the collaboration server's group commit lands here. `authorId`
 * is who sent the update (ADR 0056); without it the text is shown with no author.
 */
export async function appendStoredUpdates(db: Db, rows: UpdateRow[]): Promise<void> {
	await insertUpdateRows(db, rows);
}

/**
 * Merges snapshot + updates into a new snapshot and deletes exactly the merged updates, in one
 * transaction: killed half-way, it rolls back and nothing is lost. Repeatable read makes the
 * delete see only the rows that were merged, not an update committed meanwhile; the advisory
 * lock keeps two compactions of one document (two instances) from overwriting each other.
 */
export async function compactStoredDocument(db: Db, name: string): Promise<number> {
	return db.transaction(
		async (tx) => {
			await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${name}))`);
			const updates = await tx
				.select({
					id: collabUpdate.id,
					hex: hex(collabUpdate.update),
					authorId: collabUpdate.authorId
				})
				.from(collabUpdate)
				.where(eq(collabUpdate.documentName, name))
				.orderBy(collabUpdate.id);
			if (updates.length === 0) return 0;
			const [snapshot] = await tx
				.select({ hex: hex(collabSnapshot.state) })
				.from(collabSnapshot)
				.where(eq(collabSnapshot.documentName, name));
			const decoded = updates.map((row) => ({ ...row, update: Buffer.from(row.hex, 'hex') }));
			const doc = docFromUpdates([
				...(snapshot ? [Buffer.from(snapshot.hex, 'hex')] : []),
				...decoded.map((row) => row.update)
			]);
			// Written as hex for the same reason it is read as hex (see loadStoredUpdates).
			const state = sql`decode(${Buffer.from(Y.encodeStateAsUpdate(doc)).toString('hex')}, 'hex')`;
			doc.destroy();
			const upToUpdateId = updates[updates.length - 1].id;
			await tx
				.insert(collabSnapshot)
				.values({ documentName: name, state, upToUpdateId })
				.onConflictDoUpdate({
					target: collabSnapshot.documentName,
					set: { state, upToUpdateId, updatedAt: sql`now()` }
				});
			// The merged rows take their authors with them: folded first, in this transaction.
			await foldAuthorship(tx, name, decoded);
			await tx
				.delete(collabUpdate)
				.where(
					sql`${collabUpdate.documentName} = ${name} and ${collabUpdate.id} <= ${upToUpdateId}`
				);
			return updates.length;
		},
		{ isolationLevel: 'repeatable read' }
	);
}

function docFromUpdates(updates: Uint8Array[]): Y.Doc {
	const doc = new Y.Doc();
	doc.transact(() => {
		for (const update of updates) Y.applyUpdate(doc, update);
	});
	return doc;
}

/** The whole stored document, for exports and version views. Does not check access: callers do. */
export async function readDocument(source: Runtime | Db, name: string): Promise<Y.Doc> {
	const db = 'database' in source ? source.db : source;
	return docFromUpdates(await loadStoredUpdates(db, name));
}

/**
 * Stores an update made by domain code and shows it to everyone editing the document. Does not
 * check access: the calling domain function has authorised its own action first.
 */
export async function writeDocumentUpdate(
	runtime: Runtime,
	name: string,
	update: Uint8Array
): Promise<void> {
	if (!parseDocumentName(name)) throw new InvalidError('collab_invalid_document');
	try {
		Y.decodeUpdate(update);
	} catch {
		throw new InvalidError('collab_invalid_update');
	}
	await appendStoredUpdates(runtime.db, [{ documentName: name, update, authorId: TAVOLO_AUTHOR }]);
	runtime.documents.publish({ name, update });
}
