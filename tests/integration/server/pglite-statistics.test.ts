import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../../src/lib/server/db/client';
import { migrate } from '../../../src/lib/server/db/migrate';
import { query } from '../../../src/lib/server/db/raw-query';
import { analyzeStaleTables } from '../../../src/lib/server/db/pglite-statistics';
import { copyPgliteTemplate } from '../../support/database-template';

// PGlite has no autovacuum: Tavolo gives its planner statistics itself (ADR 0211). These run on
// PGlite whatever DATABASE_URL says: on PostgreSQL autovacuum does this.
const folder = mkdtempSync(join(tmpdir(), 'tavolo-statistics-'));
copyPgliteTemplate(folder); // the migrated template of this run, when there is one (not on PostgreSQL)
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function open(): Promise<Database> {
	const database = await openDatabase({ databaseUrl: undefined, dataDir: folder });
	await migrate(database, 'drizzle');
	return database;
}

const addDistricts = (database: Database, count: number, prefix: string) =>
	database.db.execute(
		sql`insert into district (name) select ${prefix} || g from generate_series(1, ${count}) g`
	);

const estimatedRows = async (database: Database) => {
	const [plan] = await query<{ 'QUERY PLAN': string }>(
		database.db,
		sql`explain select * from district`
	);
	return Number(/rows=(\d+)/.exec(plan['QUERY PLAN'])![1]);
};

const analysedRows = async (database: Database) => {
	const [row] = await query<{ reltuples: number }>(
		database.db,
		sql`select reltuples from pg_class where oid = 'district'::regclass`
	);
	return Number(row.reltuples);
};

describe('planner statistics on PGlite', () => {
	// Without a template the first test creates the folder's cluster (initdb): slow under load.
	it(
		'analyses nothing in a fresh database, so opening one costs nothing more',
		{
			timeout: 180_000
		},
		async () => {
			const database = await open();
			try {
				expect(await analyzeStaleTables(database.db)).toEqual([]);
			} finally {
				await database.close();
			}
		}
	);

	it('analyses a table that grew, once, and the planner then knows its size', async () => {
		const database = await open();
		try {
			await addDistricts(database, 5000, 'Ambito ');
			expect(await analysedRows(database)).toBeLessThan(0); // never analysed
			expect(await analyzeStaleTables(database.db)).toContain('district');
			expect(await analysedRows(database)).toBe(5000);
			expect(await estimatedRows(database)).toBe(5000);
			expect(await analyzeStaleTables(database.db)).toEqual([]);
		} finally {
			await database.close();
		}
	});

	it('finds a table grown before a restart, even if the change counters were lost', async () => {
		let database = await open();
		await addDistricts(database, 5000, 'Comune ');
		await database.close();
		database = await open();
		try {
			expect(await analyzeStaleTables(database.db)).toContain('district');
			expect(await analysedRows(database)).toBe(10_000);
		} finally {
			await database.close();
		}
	});

	it('keeps statistics fresh from the moment the runtime opens the database', async () => {
		const database = await open();
		try {
			await addDistricts(database, 3000, 'Territorio ');
			await database.keepStatisticsFresh();
			expect(await analysedRows(database)).toBe(13_000);
		} finally {
			await database.close();
		}
	});
});
