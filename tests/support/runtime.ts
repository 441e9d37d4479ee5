import { afterAll } from 'vitest';
import { readConfig } from '../../src/lib/server/config';
import { startRuntime, stopRuntime } from '../../src/lib/server/runtime';
import { createTestDatabase } from './database';

/**
 * The server's runtime (database, migrations, live documents) without HTTP, on a fresh database
 * of its own, stopped and dropped after the file: for tests that call the domain directly.
 */
export async function startTestRuntime() {
	const database = await createTestDatabase();
	const runtime = await startRuntime({
		config: readConfig({ ...database.env, SEED_DEMO: 'false' }),
		// Exports render in the built worker, as in production (ADR 0200).
		exportWorker: `${process.cwd()}/build/export-render-worker.js`
	});
	afterAll(async () => {
		await stopRuntime();
		await database.drop();
	});
	return runtime;
}
