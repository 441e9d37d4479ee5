import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../../src/lib/server/db/client';
import { onIndexes } from '../../../src/lib/server/search/on-indexes';
import { query } from '../../../src/lib/server/db/raw-query';
import { createTestDatabase, type TestDatabase } from '../../support/database';

/**
 * The search statement's runner (on PostgreSQL: begin, setting, statement and commit pipelined
 * on a reserved connection). What it must keep: the setting holds for the statement only, and a
 * failing statement leaves no connection of the pool inside a transaction.
 */
describe('onIndexes', () => {
	let database: TestDatabase;
	let opened: Database;
	beforeAll(async () => {
		database = await createTestDatabase({ inMemory: true });
		opened = await openDatabase({
			databaseUrl: database.env.DATABASE_URL,
			dataDir: database.env.DATA_DIR ?? ''
		});
	});
	afterAll(async () => {
		await opened?.close();
		await database?.drop();
	});

	it(
		'runs the statement with sequential scans off, and only that statement',
		{ timeout: 120_000 },
		async () => {
			const rows = await onIndexes<{ value: string; n: number }>(
				opened.db,
				sql`select current_setting('enable_seqscan') as value, ${2}::int + 1 as n`
			);
			expect(rows).toEqual([{ value: 'off', n: 3 }]);
			const after = await query<{ value: string }>(
				opened.db,
				sql`select current_setting('enable_seqscan') as value`
			);
			expect(after).toEqual([{ value: 'on' }]);
		}
	);

	it('passes a failure on and leaves every connection out of a transaction', async () => {
		for (let i = 0; i < 12; i++) {
			await expect(onIndexes(opened.db, sql`select 1 / ${0}::int`)).rejects.toThrow();
		}
		// More than the pool's connections, at once: none is left in an aborted transaction.
		const states = await Promise.all(
			Array.from({ length: 12 }, () =>
				query<{ open: boolean }>(opened.db, sql`select now() = statement_timestamp() as open`)
			)
		);
		// A connection left in an aborted transaction would have refused these; one left in an open
		// transaction answers an older now(). PGlite has one session, queued: the pool is PostgreSQL's.
		if (database.env.DATABASE_URL) {
			expect(states.flat().map((row) => row.open)).toEqual(Array(12).fill(true));
		}
		const rows = await onIndexes<{ n: number }>(opened.db, sql`select ${41}::int + 1 as n`);
		expect(rows).toEqual([{ n: 42 }]);
	});
});
