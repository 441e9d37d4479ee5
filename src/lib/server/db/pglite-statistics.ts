import { sql } from 'drizzle-orm';
import type { Db } from './database';
import { query } from './raw-query';
import { logger } from '../log/logger';

/**
 * PGlite runs PostgreSQL in single-user mode: there is no autovacuum, so nothing ever runs
 * ANALYZE and the planner sees tables without statistics. It then guesses a handful of rows per
 * table and picks nested loops that turn quadratic as the data grows (deriving the monitoring
 * summary of 5,000 people took 44.6 s without statistics, 1.9 s with them; ADR 0211).
 *
 * So Tavolo does autovacuum's analyse part itself: when the database opens and every few
 * minutes, it analyses the tables that changed enough since their last ANALYZE — autovacuum's
 * rule (50 rows + 10 %) on the change counters, and, since those counters may not survive a
 * restart, a table whose size on disk moved by 10 % from what the last ANALYZE saw, or that was
 * never analysed. Tables under 8 pages are left to the planner's guess, which is right for them;
 * a fresh test database therefore costs nothing, where a whole-database ANALYZE took 0.4 s.
 */
export const STATISTICS_CHECK_EVERY_MS = 5 * 60 * 1000;

/** The tables (quoted) whose statistics are missing or out of date. */
export const staleTables = sql`
	with t as (
		select c.oid, c.relpages, c.reltuples,
			pg_relation_size(c.oid) / current_setting('block_size')::int as pages,
			coalesce(s.n_mod_since_analyze, 0) as changed
		from pg_class c
		join pg_namespace n on n.oid = c.relnamespace
		left join pg_stat_user_tables s on s.relid = c.oid
		where n.nspname = 'public' and c.relkind = 'r'
	)
	select oid::regclass::text as name from t
	where t.changed > 50 + 0.1 * greatest(t.reltuples, 0)
		or (t.pages >= 8 and (t.reltuples < 0 or abs(t.pages - t.relpages) > 0.1 * t.relpages))`;

/** Analyses the stale tables; returns their names. */
export async function analyzeStaleTables(db: Db): Promise<string[]> {
	// Changes counted by this connection reach pg_stat_user_tables lazily: flush them first, or
	// they would land after the ANALYZE that resets the counter and mark the table stale again.
	await db.execute(sql`select pg_stat_force_next_flush()`);
	const stale = (await query<{ name: string }>(db, staleTables)).map((row) => row.name);
	// Names come from pg_class as regclass text: already quoted where they need it.
	if (stale.length > 0) await db.execute(sql.raw(`analyze ${stale.join(', ')}`));
	return stale;
}

/** Analyses what is stale now, then checks every `everyMs` until the returned stop is called. */
export async function keepStatisticsFresh(
	db: Db,
	everyMs = STATISTICS_CHECK_EVERY_MS
): Promise<() => void> {
	await analyzeStaleTables(db);
	const timer = setInterval(() => {
		analyzeStaleTables(db).catch((error) =>
			logger.warn({ err: error }, 'planner statistics not refreshed')
		);
	}, everyMs);
	timer.unref();
	return () => clearInterval(timer);
}
