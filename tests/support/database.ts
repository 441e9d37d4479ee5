import postgres from 'postgres';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyPgliteTemplate, postgresTemplateName } from './database-template';

export interface TestDatabase {
	/** Environment for readConfig: DATABASE_URL of a fresh database, or a PGlite folder. */
	env: Record<string, string>;
	drop(): Promise<void>;
}

/**
 * A fresh database for one test file. With DATABASE_URL set (CI), a new database on that
 * server, dropped afterwards; otherwise PGlite in a temporary folder (or in memory). Both start
 * as a copy of the migrated template when the run built one (database-template.ts), else empty;
 * either way the runtime's migrate brings them to the schema.
 */
export async function createTestDatabase(
	options: {
		inMemory?: boolean;
		/** No template: a database with no migration applied (the migration tests, start-up). */
		empty?: boolean;
	} = {}
): Promise<TestDatabase> {
	const adminUrl = process.env.DATABASE_URL;
	if (adminUrl) {
		const name = `tavolo_test_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
		const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
		const template = postgresTemplateName();
		const [migrated] = options.empty
			? []
			: await admin`select 1 from pg_database where datname = ${template}`;
		await admin.unsafe(`create database ${name}${migrated ? ` template ${template}` : ''}`);
		await admin.end();
		const url = new URL(adminUrl);
		url.pathname = `/${name}`;
		return {
			env: { DATABASE_URL: url.toString() },
			async drop() {
				const again = postgres(adminUrl, { max: 1, onnotice: () => {} });
				await again.unsafe(`drop database if exists ${name} with (force)`);
				await again.end();
			}
		};
	}
	if (options.inMemory) return { env: { DATA_DIR: 'memory://' }, async drop() {} };
	const folder = mkdtempSync(join(tmpdir(), 'tavolo-test-'));
	if (!options.empty) copyPgliteTemplate(folder);
	return {
		env: { DATA_DIR: folder },
		async drop() {
			rmSync(folder, { recursive: true, force: true });
		}
	};
}
