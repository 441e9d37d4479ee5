import type { Db } from '../db/client';
import { collabUpdate } from '../db/schema';

export interface UpdateRow {
	documentName: string;
	update: Uint8Array;
	/** Who sent it (ADR 0056); null or absent: no author. */
	authorId?: string | null;
}

/** What the two drivers under drizzle offer for a parameterised statement. */
interface PgliteClient {
	query(text: string, params: unknown[]): Promise<unknown>;
}
interface PostgresJsClient {
	unsafe(text: string, params: unknown[], options: { prepare: boolean }): Promise<unknown>;
}

/**
 * Every relayed update waits for this INSERT, so it skips drizzle's query builder (about a
 * quarter of a millisecond per call on PGlite, measured in docs/benchmarks.md) and sends one
 * parameterised statement straight to the driver. The text depends only on the number of rows,
 * so PostgreSQL prepares it once per batch size.
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
	} else if (isPglite(client)) {
		await client.query(
			insertText(rows.length),
			rows.flatMap((row) => [row.documentName, row.update, row.authorId ?? null])
		);
	} else {
		// A transaction handle has no raw client: the builder does the same INSERT.
		await db.insert(collabUpdate).values(rows);
	}
}

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

function isPglite(client: unknown): client is PgliteClient {
	return typeof (client as PgliteClient | undefined)?.query === 'function';
}

function asBuffer(bytes: Uint8Array): Buffer {
	return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}
