import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

/** The one database type the domain sees, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
	db: Db;
	kind: 'pglite' | 'postgres';
	/** Runs `fn` while holding a PostgreSQL advisory lock (one connection, released after). */
	withAdvisoryLock<T>(key: number, fn: (db: Db) => Promise<T>): Promise<T>;
	close(): Promise<void>;
}

export interface DatabaseOptions {
	databaseUrl?: string;
	/** Folder of the embedded database; `memory://` keeps it in memory (tests). */
	dataDir: string;
}

export function openDatabase(options: DatabaseOptions): Promise<Database> {
	return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}

export { schema };
