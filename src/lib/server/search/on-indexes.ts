import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import { query } from '../db/raw-query';

/**
 * Runs a search statement (or its EXPLAIN) on index paths. EXPLAIN after ANALYZE
 * (docs/benchmarks.md): the planner prices a sequential scan of the live texts without the cost
 * of reading each TOASTed tsvector, and chose it over the GIN index (170 ms for a word found
 * nowhere in 7,500 texts; 0.2 ms through the index). Every source has its GIN index, so a scan
 * of a whole table is never the better path for this statement.
 *
 * On PostgreSQL the transaction goes in one round trip, as a prepared statement: begin, the
 * setting, the statement and commit are pipelined on one reserved connection, where drizzle's
 * transaction waits for each of the four and plans the statement anew every time. On a loaded
 * machine each wait is a wake-up of the database process (docs/benchmarks.md: p95 of such a
 * transaction 63 ms at load 26). PGlite runs in a thread of this process (ADR 0212): each of its
 * round trips is a message between threads, not a wake-up of another process.
 */
export async function onIndexes<T extends Record<string, unknown>>(
	db: Db,
	statement: SQL
): Promise<T[]> {
	const client = (db as { $client?: unknown }).$client;
	if (isPostgresJs(client)) return pipelined<T>(client, statement);
	return db.transaction(async (tx) => {
		await tx.execute(sql`set local enable_seqscan = off`);
		return query<T>(tx, statement);
	});
}

/** What postgres.js under drizzle offers: a connection of its own, and parameterised text. */
interface PostgresJsClient {
	reserve(): Promise<ReservedConnection>;
}
interface ReservedConnection {
	unsafe(text: string, params?: unknown[], options?: { prepare: boolean }): Promise<unknown>;
	release(): void;
}

function isPostgresJs(client: unknown): client is PostgresJsClient {
	return typeof (client as PostgresJsClient | undefined)?.reserve === 'function';
}

const dialect = new PgDialect();

async function pipelined<T>(client: PostgresJsClient, statement: SQL): Promise<T[]> {
	const { sql: text, params } = dialect.sqlToQuery(statement);
	const connection = await client.reserve();
	try {
		// Sent without waiting: postgres.js writes them back to back. If the statement fails, the
		// transaction is aborted and `commit` ends it as a rollback: the connection returns clean.
		const steps = await Promise.allSettled([
			connection.unsafe('begin'),
			connection.unsafe('set local enable_seqscan = off'),
			connection.unsafe(text, params, { prepare: true }),
			connection.unsafe('commit')
		]);
		const failed = steps.find((step) => step.status === 'rejected');
		if (failed) throw failed.reason;
		return (steps[2] as PromiseFulfilledResult<T[]>).value;
	} finally {
		connection.release();
	}
}
