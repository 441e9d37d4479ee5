import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { readConfig, type Config } from './config';
import { openDatabase, type Database, type Db } from './db/client';
import { migrate } from './db/migrate';
import { logger } from './log/logger';
import { createInvalidationBus, type InvalidationBus } from './live/invalidation';
import { seedIfEnabled } from './demo/seed';
import { createDocumentUpdateBus, type DocumentUpdateBus } from './live/update-bus';
import { openSharedLimits, type SharedLimits } from './shared-limits';
import { createMailer, type Mailer } from './mail/mailer';
import { installRenderWorker, uninstallRenderWorker } from './export/render-worker-pool';

/**
 * What both doors share in one process: configuration, the database, the access-invalidation
 * bus. Kept on globalThis because SvelteKit's bundle, Vite's SSR loader and `server/` each load
 * their own copy of this module, and two PGlite instances on one folder would corrupt it.
 */
export interface Runtime {
	config: Config;
	database: Database;
	db: Db;
	invalidations: InvalidationBus;
	/** Updates domain code writes to live documents, for the collaboration server to relay. */
	documents: DocumentUpdateBus;
	/** Login and handshake limits: in Redis for every instance with REDIS_URL, else in memory. */
	limits: SharedLimits;
	/** Outgoing e-mail: SMTP_URL's server, or the log (ADR 0151). */
	mailer: Mailer;
}

const KEY = Symbol.for('tavolo.runtime');
type Holder = { [KEY]?: Promise<Runtime> };
const holder = globalThis as Holder;

export interface StartOptions {
	config?: Config;
	migrationsFolder?: string;
	/** Runs once after migrations (the demo seed). */
	afterMigrate?: (db: Db, config: Config) => Promise<void>;
	/**
	 * The bundled export worker (build/export-render-worker.js): exports render there, off the
	 * event loop (ADR 0200). Without it they render on the event loop (the Vite dev server).
	 */
	exportWorker?: string | URL;
}

export function startRuntime(options: StartOptions = {}): Promise<Runtime> {
	if (holder[KEY]) throw new Error('The Tavolo runtime is already started in this process');
	const started = open(options);
	holder[KEY] = started;
	started.catch(() => delete holder[KEY]);
	return started;
}

async function open(options: StartOptions): Promise<Runtime> {
	const config = options.config ?? readConfig();
	logger.level = config.logLevel;
	const database = await openDatabase(config);
	try {
		await migrate(database, options.migrationsFolder ?? resolve('drizzle'));
		await options.afterMigrate?.(database.db, config);
		await database.keepStatisticsFresh();
	} catch (error) {
		await database.close();
		throw error;
	}
	logger.info({ database: database.kind }, 'database ready');
	if (options.exportWorker) installRenderWorker(options.exportWorker);
	return {
		config,
		database,
		db: database.db,
		invalidations: createInvalidationBus(),
		documents: createDocumentUpdateBus(),
		limits: openSharedLimits(config.redisUrl, limitsPrefix(config)),
		mailer: createMailer(config.mail)
	};
}

/**
 * Instances of one deployment share a database, so they share their limits' keys; two
 * deployments (or two test files) on one Redis, each with its own database, do not.
 */
function limitsPrefix(config: Config): string {
	const database = config.databaseUrl ?? resolve(config.dataDir);
	return `tavolo:${createHash('sha256').update(database).digest('hex').slice(0, 12)}:`;
}

/** The runtime of this process; started on first use when nothing started it (dev server). */
export function getRuntime(): Promise<Runtime> {
	return holder[KEY] ?? startRuntime({ afterMigrate: seedIfEnabled });
}

export async function stopRuntime(): Promise<void> {
	const current = holder[KEY];
	delete holder[KEY];
	if (!current) return;
	const runtime = await current.catch(() => undefined);
	await runtime?.limits.close();
	runtime?.mailer.close();
	await uninstallRenderWorker();
	await runtime?.database.close();
}
