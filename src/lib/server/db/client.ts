import * as schema from './schema';
import type { Database } from './database';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export type { Database, Db } from './database';

export interface DatabaseOptions {
	databaseUrl?: string;
	/** Folder of the embedded database; `memory://` keeps it in memory (tests). */
	dataDir: string;
	/** PGlite's PostgreSQL in a worker thread, or in this one (the default for now; ADR 0212). */
	pgliteWorker?: boolean;
}

export function openDatabase(options: DatabaseOptions): Promise<Database> {
	return options.databaseUrl
		? openPostgres(options.databaseUrl)
		: openPglite(options.dataDir, { worker: options.pgliteWorker });
}

export { schema };
