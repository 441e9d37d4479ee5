import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema';

/** The one database type the domain sees, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open database: the drivers (pglite.ts, postgres.ts) build it, client.ts picks one. */
export interface Database {
	db: Db;
	kind: 'pglite' | 'postgres';
	/** Runs `fn` while holding a PostgreSQL advisory lock (one connection, released after). */
	withAdvisoryLock<T>(key: number, fn: (db: Db) => Promise<T>): Promise<T>;
	/**
	 * Gives the planner statistics where nothing else does: PGlite analyses now and every hour
	 * (pglite-statistics.ts); PostgreSQL's autovacuum already does it, so there it does nothing.
	 */
	keepStatisticsFresh(): Promise<void>;
	close(): Promise<void>;
}
