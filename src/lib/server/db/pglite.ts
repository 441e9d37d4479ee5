import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle } from 'drizzle-orm/pglite';
import { sql } from 'drizzle-orm';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as schema from './schema';
import type { Database, Db } from './database';
import { statementLogger } from './statement-count';
import { lockDataDir } from './data-dir-lock';
import { pgliteByteaCodec } from './pglite-bytea';
import { keepStatisticsFresh } from './pglite-statistics';

/** The bytea codec, and `unaccent` for search that ignores accents (ADR 0140), as on the server. */
const OPTIONS: PGliteOptions = { ...pgliteByteaCodec, extensions: { unaccent } };

/** Embedded PostgreSQL: one process per folder, so the folder is locked while open. */
export async function openPglite(dataDir: string): Promise<Database> {
	const inMemory = dataDir.startsWith('memory://');
	let release = () => {};
	let client: PGlite;
	if (inMemory) {
		client = new PGlite(OPTIONS);
	} else {
		const folder = resolve(dataDir);
		mkdirSync(folder, { recursive: true });
		release = lockDataDir(folder);
		try {
			client = new PGlite(join(folder, 'pglite'), OPTIONS);
			await client.waitReady;
		} catch (error) {
			release();
			throw error;
		}
	}
	const db = drizzle({
		client,
		schema,
		casing: 'snake_case',
		logger: statementLogger
	}) as unknown as Db;
	let stopStatistics = () => {};
	// PGlite is one connection: queries are serialised, so the lock is held by this process alone.
	return {
		db,
		kind: 'pglite',
		async withAdvisoryLock(key, fn) {
			await db.execute(sql`select pg_advisory_lock(${key})`);
			try {
				return await fn(db);
			} finally {
				await db.execute(sql`select pg_advisory_unlock(${key})`);
			}
		},
		async keepStatisticsFresh() {
			stopStatistics();
			stopStatistics = await keepStatisticsFresh(db);
		},
		async close() {
			stopStatistics();
			await client.close();
			release();
		}
	};
}
