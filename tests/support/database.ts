import postgres from 'postgres';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestDatabase {
	/** Environment for readConfig: DATABASE_URL of a fresh database, or a PGlite folder. */
	env: Record<string, string>;
	drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file. With DATABASE_URL set (CI), a new database on that
 * server, dropped afterwards; otherwise PGlite in a temporary folder (or in memory).
 */
export async function createTestDatabase(
	options: { inMemory?: boolean } = {}
): Promise<TestDatabase> {
	const adminUrl = process.env.DATABASE_URL;
	if (adminUrl) {
		const name = `tavolo_test_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
		const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name}`);
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
	return {
		env: { DATA_DIR: folder },
		async drop() {
			rmSync(folder, { recursive: true, force: true });
		}
	};
}
