import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../../src/lib/server/db/client';
import { PgliteThread, PgliteWorkerStoppedError } from '../../../src/lib/server/db/pglite-thread';
import { query } from '../../../src/lib/server/db/raw-query';
import { watchLoopLateness } from '../../support/loop-lateness';

// PGlite's PostgreSQL runs in a worker thread (ADR 0212): a slow query must not hold the event
// loop. On PGlite whatever DATABASE_URL says: PostgreSQL runs in its own process anyway.
const folder = mkdtempSync(join(tmpdir(), 'tavolo-pglite-worker-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Sums enough rows to take several hundred milliseconds on any machine. */
const SLOW = sql`select sum(x)::text as total from generate_series(1, 2000000) x`;

describe('PGlite in a worker thread', () => {
	it('keeps the event loop free while a slow query runs; a quick one waits only for it', async () => {
		const database = await openDatabase({ dataDir: folder, pgliteWorker: true });
		try {
			const watch = watchLoopLateness();
			const started = performance.now();
			let slowDone = 0;
			const slow = query<{ total: string }>(database.db, SLOW).then((rows) => {
				slowDone = performance.now();
				return rows;
			});
			// Queued behind the slow one on PGlite's single session, not behind the event loop.
			const quick = query<{ one: number }>(database.db, sql`select 1 as one`).then((rows) => ({
				rows,
				at: performance.now()
			}));
			const timer = await new Promise<number>((resolve) =>
				setTimeout(() => resolve(performance.now() - started), 10)
			);
			const [slowRows, quickDone] = await Promise.all([slow, quick]);
			const { worst } = watch.stop();

			expect(slowRows[0].total).toBe('2000001000000');
			expect(quickDone.rows).toEqual([{ one: 1 }]);
			const slowMs = slowDone - started;
			expect(slowMs).toBeGreaterThan(150); // otherwise this proves nothing
			expect(timer).toBeLessThan(60); // a 10 ms timer fired while PostgreSQL was busy
			expect(worst).toBeLessThan(Math.min(100, slowMs / 2));
			expect(quickDone.at - slowDone).toBeLessThan(50);
		} finally {
			await database.close();
		}
	});

	it('closes: ends the worker and releases the folder', async () => {
		const database = await openDatabase({ dataDir: folder, pgliteWorker: true });
		await database.db.execute(sql`create table if not exists kept (n int)`);
		await database.db.execute(sql`insert into kept values (1)`);
		expect(existsSync(join(folder, 'tavolo.lock'))).toBe(true);
		await database.close();
		expect(existsSync(join(folder, 'tavolo.lock'))).toBe(false);
		const again = await openDatabase({ dataDir: folder, pgliteWorker: true });
		try {
			expect(await query(again.db, sql`select n from kept`)).toEqual([{ n: 1 }]);
		} finally {
			await again.close();
		}
	});

	it('a database error keeps its code and leaves the session usable', async () => {
		const database = await openDatabase({ dataDir: 'memory://', pgliteWorker: true });
		try {
			await database.db.execute(sql`create table unique_name (name text primary key)`);
			await database.db.execute(sql`insert into unique_name values ('a')`);
			const failed: unknown = await database.db
				.execute(sql`insert into unique_name values ('a')`)
				.catch((error: unknown) => error);
			// drizzle wraps the driver's error: PostgreSQL's code is on its cause.
			expect((failed as { cause?: { code?: string } }).cause?.code).toBe('23505');
			await expect(
				database.db.transaction(async (tx) => {
					await tx.execute(sql`insert into unique_name values ('b')`);
					await tx.execute(sql`insert into unique_name values ('a')`);
				})
			).rejects.toThrow();
			expect(await query(database.db, sql`select name from unique_name order by name`)).toEqual([
				{ name: 'a' }
			]);
		} finally {
			await database.close();
		}
	});

	it('a stopped worker rejects what waits and what comes, and says so once', async () => {
		const stopped: Error[] = [];
		const thread = new PgliteThread(null, { onStopped: (error) => stopped.push(error) });
		await thread.waitReady;
		const pending = thread.query(`select sum(x) from generate_series(1, 3000000) x`);
		await thread.terminate();
		await expect(pending).rejects.toBeInstanceOf(PgliteWorkerStoppedError);
		await expect(thread.query('select 1')).rejects.toBeInstanceOf(PgliteWorkerStoppedError);
		expect(stopped).toHaveLength(1);
		await thread.close(); // nothing left to close: it does not hang
	});
});
