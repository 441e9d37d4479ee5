import {
	copyFileSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countRows } from '../../../src/lib/server/backup/backup';
import { readBackupFile } from '../../../src/lib/server/backup/backup-file';
import { restoreBackup } from '../../../src/lib/server/backup/restore';
import { openDatabase } from '../../../src/lib/server/db/client';
import { migrate } from '../../../src/lib/server/db/migrate';
import { createTestDatabase } from '../../support/database';

const RELEASES = 'tests/fixtures/releases';
const fixtures = readdirSync(RELEASES).filter((file) => file.endsWith('.json.gz'));

/** The migrations folder as it was at an earlier release: the first `count` migrations. */
function migrationsUpTo(count: number): string {
	const folder = mkdtempSync(join(tmpdir(), 'tavolo-migrations-'));
	mkdirSync(join(folder, 'meta'));
	const journal = JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')) as {
		entries: { tag: string }[];
	};
	const kept = journal.entries.slice(0, count);
	for (const entry of kept) {
		copyFileSync(`drizzle/${entry.tag}.sql`, join(folder, `${entry.tag}.sql`));
	}
	writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: kept }));
	return folder;
}

describe('upgrading the database of an earlier release', () => {
	it('has a fixture of at least one release', () => {
		expect(fixtures.length).toBeGreaterThan(0);
	});

	for (const fixture of fixtures) {
		it(`${fixture}: migrates to the latest schema and loses no row`, async () => {
			const backup = await readBackupFile(join(RELEASES, fixture));
			const test = await createTestDatabase();
			const database = await openDatabase({
				databaseUrl: test.env.DATABASE_URL,
				dataDir: test.env.DATA_DIR ?? 'unused'
			});
			try {
				await migrate(database, migrationsUpTo(backup.migrations));
				await restoreBackup(database.db, backup);
				await migrate(database, resolve('drizzle'));
				const after = await countRows(database.db);
				const lost = backup.tables.filter((table) => (after[table.name] ?? 0) < table.rows.length);
				expect(
					lost.map((table) => `${table.name}: ${table.rows.length} → ${after[table.name]}`)
				).toEqual([]);
				expect(backup.tables.reduce((sum, table) => sum + table.rows.length, 0)).toBeGreaterThan(
					100
				);
			} finally {
				await database.close();
				await test.drop();
			}
		});
	}
});
