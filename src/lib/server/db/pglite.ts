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
import { PgliteThread, type PgliteWorkerStoppedError } from './pglite-thread';
import { logger } from '../log/logger';

/** The bytea codec, and `unaccent` for search that ignores accents (ADR 0140), as on the server. */
const OPTIONS: PGliteOptions = { ...pgliteByteaCodec, extensions: { unaccent } };

export interface PgliteOpenOptions {
	/**
	 * PostgreSQL in a worker thread, so a slow query never holds the event loop (ADR 0212,
	 * the default, ADR 0212); false (PGLITE_WORKER=false): in this thread, as before.
	 */
	worker?: boolean;
}

/** Embedded PostgreSQL: one process per folder, so the folder is locked while open. */
export async function openPglite(
	dataDir: string,
	{ worker = true }: PgliteOpenOptions = {}
): Promise<Database> {
	const inMemory = dataDir.startsWith('memory://');
	let release = () => {};
	let folder: string | null = null;
	if (!inMemory) {
		folder = resolve(dataDir);
		mkdirSync(folder, { recursive: true });
		// The lock stays with this process's main thread: the worker is part of this process.
		release = lockDataDir(folder);
	}
	let client: PGlite;
	try {
		client = worker ? await startThread(folder) : await startInProcess(folder);
	} catch (error) {
		release();
		throw error;
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
			try {
				await client.close();
			} finally {
				release();
			}
		}
	};
}

async function startInProcess(folder: string | null): Promise<PGlite> {
	const client = folder ? new PGlite(join(folder, 'pglite'), OPTIONS) : new PGlite(OPTIONS);
	await client.waitReady;
	return client;
}

async function startThread(folder: string | null): Promise<PGlite> {
	const thread = new PgliteThread(folder && join(folder, 'pglite'), {
		...pgliteByteaCodec,
		onStopped: exitOnStoppedDatabase
	});
	await thread.waitReady;
	// The same surface drizzle and pglite-prepared.ts use of PGlite (ADR 0212).
	return thread as unknown as PGlite;
}

/**
 * A stopped worker would leave a server answering every request with an error: exit instead,
 * as on any fatal database error, so the supervisor restarts it (the lock is then stale).
 */
function exitOnStoppedDatabase(error: PgliteWorkerStoppedError): void {
	logger.fatal({ err: error }, 'the embedded database stopped');
	process.exit(1);
}
