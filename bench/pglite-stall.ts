/**
 * Benchmark (not a test): PGlite on the event loop (PGLITE_WORKER=false) against PGlite in its
 * worker thread (the default, ADR 0212). Two figures each way:
 *   - the worst event-loop stall while one slow query runs (a 5 ms ticker stands for the sockets
 *     and pages the server would be serving meanwhile);
 *   - what a query costs the caller: p50/p95 of `select 1` through drizzle, and of one binary
 *     prepared append (the collaboration server's statement, ADR 0017).
 *
 *   npm run bench:pglite-stall      # BENCH_SLOW_ROWS=3000000 BENCH_QUERIES=2000 by default
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openPglite } from '../src/lib/server/db/pglite';
import { watchLoopLateness } from '../tests/support/loop-lateness';
import { isPgliteSession, runPrepared } from '../src/lib/server/db/pglite-prepared';

const SLOW_ROWS = Number(process.env.BENCH_SLOW_ROWS ?? 3_000_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 2000);

const APPEND = {
	name: 'bench_append',
	text: 'insert into bench_update (document_name, "update", author_id) values ($1, $2, $3)',
	types: [25, 17, 2950]
};

/** Runs `work` while the event loop's lateness is watched; returns the worst lateness. */
async function worstStallDuring(work: () => Promise<unknown>) {
	const watch = watchLoopLateness();
	const started = performance.now();
	await work();
	const ms = performance.now() - started;
	return { ms, worst: watch.stop().worst };
}

async function percentiles(times: number, work: () => Promise<unknown>) {
	for (let i = 0; i < 50; i++) await work();
	const ms: number[] = [];
	for (let i = 0; i < times; i++) {
		const started = performance.now();
		await work();
		ms.push(performance.now() - started);
	}
	ms.sort((a, b) => a - b);
	return { p50: ms[Math.floor(times / 2)], p95: ms[Math.floor(times * 0.95)] };
}

const fixed = (value: number, digits = 3) => value.toFixed(digits);

console.log(`slow query: sum over ${SLOW_ROWS} rows; ${QUERIES} timed queries each`);
console.log(
	'where        | slow query ms | worst stall ms | select 1 p50/p95 ms | append p50/p95 ms'
);
for (const worker of [false, true]) {
	const folder = mkdtempSync(join(tmpdir(), 'tavolo-bench-pglite-'));
	const database = await openPglite(folder, { worker });
	try {
		const { db } = database;
		await db.execute(
			sql`create table bench_update (document_name text, "update" bytea, author_id uuid)`
		);
		const client = (db as { $client?: unknown }).$client;
		if (!isPgliteSession(client)) throw new Error('expected PGlite');
		const slow = sql.raw(`select sum(x) from generate_series(1, ${SLOW_ROWS}) x`);
		await db.execute(slow); // warm: the first run pays for the plan and the pages
		const stall = await worstStallDuring(() => db.execute(slow));
		const select = await percentiles(QUERIES, () => db.execute(sql`select 1`));
		const update = new Uint8Array(200).fill(7);
		const append = await percentiles(QUERIES, () =>
			runPrepared(client, APPEND, [['bench-doc', update, null]])
		);
		console.log(
			[
				worker ? 'worker      ' : 'event loop  ',
				fixed(stall.ms, 0).padStart(13),
				fixed(stall.worst, 1).padStart(14),
				`${fixed(select.p50)}/${fixed(select.p95)}`.padStart(19),
				`${fixed(append.p50)}/${fixed(append.p95)}`.padStart(17)
			].join(' | ')
		);
	} finally {
		await database.close();
		rmSync(folder, { recursive: true, force: true });
	}
}
