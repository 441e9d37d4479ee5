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
import { countRows, takeBackup, type Backup } from '../../../src/lib/server/backup/backup';
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

/**
 * Columns a migration rewrites on purpose, and why; every other value must come through as it was.
 */
const REWRITTEN: Record<string, string> = {
	// Generated tsvector: recomputed with the Italian search configuration of 0016/0017.
	'decision.search': 'search configuration',
	// 0020 gives the built-in 2014–2020 scheda its own key, name and the published limits.
	'template.key': 'scheda 2014–2020',
	'template.name': 'scheda 2014–2020',
	'template_section.limit_chars': 'scheda 2014–2020',
	'template_section.limit_label': 'scheda 2014–2020'
};

/** A row seen through the columns it had at the release: the same text, whatever came after. */
function projected(row: Record<string, unknown>, columns: string[]): string {
	return JSON.stringify(columns.map((column) => row[column] ?? null));
}

/**
 * Every row of the fixture, found again after the upgrade with the same value in every column it
 * had (new columns are free to be anything): `table: row` for each one that is not.
 */
function changedRows(before: Backup, after: Backup): string[] {
	const changed: string[] = [];
	for (const table of before.tables) {
		const rows = table.rows as Record<string, unknown>[];
		if (rows.length === 0) continue;
		const columns = Object.keys(rows[0])
			.filter((column) => !REWRITTEN[`${table.name}.${column}`])
			.sort();
		const upgraded = after.tables.find((t) => t.name === table.name);
		const found = new Set(
			((upgraded?.rows ?? []) as Record<string, unknown>[]).map((row) => projected(row, columns))
		);
		const byId = new Map(
			((upgraded?.rows ?? []) as Record<string, unknown>[]).map((row) => [row.id, row])
		);
		for (const row of rows) {
			if (found.has(projected(row, columns))) continue;
			const now = byId.get(row.id) ?? {};
			const differs = columns.filter(
				(column) => JSON.stringify(row[column] ?? null) !== JSON.stringify(now[column] ?? null)
			);
			changed.push(`${table.name} ${String(row.id)}: ${differs.join(', ')}`);
		}
	}
	return changed;
}

describe('upgrading the database of an earlier release', () => {
	it('has a fixture of at least one release', () => {
		expect(fixtures.length).toBeGreaterThan(0);
	});

	for (const fixture of fixtures) {
		// Every migration, two restores and a full read: minutes on a busy machine, not seconds.
		it(
			`${fixture}: migrates to the latest schema, loses no row, changes no value`,
			{ timeout: 180_000 },
			async () => {
				const backup = await readBackupFile(join(RELEASES, fixture));
				const test = await createTestDatabase({ empty: true });
				const database = await openDatabase({
					databaseUrl: test.env.DATABASE_URL,
					dataDir: test.env.DATA_DIR ?? 'unused'
				});
				try {
					await migrate(database, migrationsUpTo(backup.migrations));
					await restoreBackup(database.db, backup);
					await migrate(database, resolve('drizzle'));
					const after = await countRows(database.db);
					const lost = backup.tables.filter(
						(table) => (after[table.name] ?? 0) < table.rows.length
					);
					expect(
						lost.map((table) => `${table.name}: ${table.rows.length} → ${after[table.name]}`)
					).toEqual([]);
					expect(backup.tables.reduce((sum, table) => sum + table.rows.length, 0)).toBeGreaterThan(
						100
					);
					// Values, not only counts: a migration that rewrote or emptied a column shows here.
					expect(changedRows(backup, await takeBackup(database.db))).toEqual([]);
				} finally {
					await database.close();
					await test.drop();
				}
			}
		);
	}
});
