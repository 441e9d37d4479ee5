import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Database } from './client';

/** Any constant: every instance takes the same advisory lock, so migrations run one at a time. */
const MIGRATION_LOCK_KEY = 7_405_210;

export async function migrate(database: Database, migrationsFolder: string): Promise<void> {
	const migrations = readMigrationFiles({ migrationsFolder });
	await database.withAdvisoryLock(MIGRATION_LOCK_KEY, async (db) => {
		// Both drivers' dialects share this: it records applied hashes in drizzle.__drizzle_migrations.
		const dialect = (db as unknown as { dialect: MigrationDialect }).dialect;
		const session = (db as unknown as { session: unknown }).session;
		await dialect.migrate(migrations, session, { migrationsFolder });
	});
}

interface MigrationDialect {
	migrate(
		migrations: unknown,
		session: unknown,
		config: { migrationsFolder: string }
	): Promise<void>;
}
