import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { collabSnapshot } from './schema';
import { isPgliteSession, runPrepared, type PreparedStatement } from './pglite-prepared';

export interface SnapshotRow {
	documentName: string;
	/** A Buffer: postgres.js sends a Buffer as bytea, a bare Uint8Array would not be. */
	state: Buffer;
	upToUpdateId: number;
}

const WRITE_ON_PGLITE: PreparedStatement = {
	name: 'tavolo_write_snapshot',
	text: `insert into collab_snapshot (document_name, state, up_to_update_id) values ($1, $2, $3)
		on conflict (document_name) do update
		set state = excluded.state, up_to_update_id = excluded.up_to_update_id, updated_at = now()`,
	types: [25, 17, 20] // text, bytea, bigint
};

/**
 * Writes a document's compacted state inside the compaction's transaction `tx`, begun on `db`.
 * On PGlite the bytes go in binary through a prepared statement: as text they would hold the
 * server's thread for about 60 ms a megabyte (ADR 0017).
 */
export async function writeSnapshot(db: Db, tx: Db, row: SnapshotRow): Promise<void> {
	const client = (db as { $client?: unknown }).$client;
	if (isPgliteSession(client)) {
		const values = [row.documentName, row.state, String(row.upToUpdateId)];
		await runPrepared(client, WRITE_ON_PGLITE, [values], { insideTransaction: true });
		return;
	}
	await tx
		.insert(collabSnapshot)
		.values(row)
		.onConflictDoUpdate({
			target: collabSnapshot.documentName,
			// excluded.state: the bytes are sent once, not twice.
			set: { state: sql`excluded.state`, upToUpdateId: row.upToUpdateId, updatedAt: sql`now()` }
		});
}
