import type { Db } from './client';
import { collabUpdate } from './schema';
import { isPgliteSession, runPrepared, type PreparedStatement } from './pglite-prepared';

export interface UpdateRow {
	documentName: string;
	update: Uint8Array;
	/** Who sent it (ADR 0056); null or absent: no author. */
	authorId?: string | null;
}

/** What postgres.js under drizzle offers for a parameterised statement. */
interface PostgresJsClient {
	unsafe(text: string, params: unknown[], options: { prepare: boolean }): Promise<unknown>;
}

/**
 * Every relayed update waits for this INSERT, so it skips drizzle's query builder (about a
 * quarter of a millisecond per call on PGlite, measured in docs/benchmarks.md) and goes straight
 * to the driver: on PostgreSQL one parameterised statement whose text depends only on the number
 * of rows, so it is prepared once per batch size; on PGlite a named statement with binary bytes
 * (ADR 0017).
 */
export async function insertUpdateRows(db: Db, rows: UpdateRow[]): Promise<void> {
	if (rows.length === 0) return;
	const client = (db as { $client?: unknown }).$client;
	if (isPostgresJs(client)) {
		// postgres.js sends a Buffer as bytea; a bare Uint8Array would not be.
		const params = rows.flatMap((row) => [
			row.documentName,
			asBuffer(row.update),
			row.authorId ?? null
		]);
		await client.unsafe(insertText(rows.length), params, { prepare: true });
	} else if (isPgliteSession(client)) {
		await runPrepared(
			client,
			APPEND_ON_PGLITE,
			rows.map((row) => [row.documentName, row.update, row.authorId ?? null])
		);
	} else {
		// A transaction handle has no raw client: the builder does the same INSERT.
		await db.insert(collabUpdate).values(rows);
	}
}

const APPEND_ON_PGLITE: PreparedStatement = {
	name: 'tavolo_append_update',
	text: 'insert into collab_update (document_name, "update", author_id) values ($1, $2, $3)',
	types: [25, 17, 2950] // text, bytea, uuid
};

const texts = new Map<number, string>();

function insertText(count: number): string {
	let text = texts.get(count);
	if (!text) {
		const values = Array.from(
			{ length: count },
			(_, i) => `($${3 * i + 1}, $${3 * i + 2}, $${3 * i + 3}::uuid)`
		);
		text = `insert into collab_update (document_name, "update", author_id) values ${values.join(', ')}`;
		if (texts.size < 64) texts.set(count, text);
	}
	return text;
}

function isPostgresJs(client: unknown): client is PostgresJsClient {
	return typeof (client as PostgresJsClient | undefined)?.unsafe === 'function';
}

function asBuffer(bytes: Uint8Array): Buffer {
	return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}
