import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { Database } from './client';

/** Any constant: every instance takes the same advisory lock, so migrations run one at a time. */
const MIGRATION_LOCK_KEY = 7_405_210;

/**
 * drizzle's public migrator of each driver (it records applied hashes in
 * drizzle.__drizzle_migrations), run on the connection that holds the advisory lock.
 */
export async function migrate(database: Database, migrationsFolder: string): Promise<void> {
	await database.withAdvisoryLock(MIGRATION_LOCK_KEY, async (db) => {
		if (database.kind === 'pglite') {
			await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder });
		} else {
			await migratePostgres(db as unknown as PostgresJsDatabase, { migrationsFolder });
		}
	});
}
