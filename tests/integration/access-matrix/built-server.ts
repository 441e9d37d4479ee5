import { afterAll } from 'vitest';
import { readConfig } from '../../../src/lib/server/config';
import { startRuntime, stopRuntime, type Runtime } from '../../../src/lib/server/runtime';
import { createTestDatabase } from '../../support/database';
import { freePort } from '../../support/instances';
import { runBuiltServer, waitForOutput } from '../../support/process';
import { buildWorld, type World } from './world';

/**
 * The production server (`node build/server.js`) as a child process, on a database prepared
 * beforehand with the matrix world. A child process, not the in-process test server: it serves
 * the build exactly as deployed, with nothing of the test runner's module transforms in between.
 */
export async function startBuiltServer(
	/** More data before the server starts (PGlite: the server then holds the database). */
	prepare?: (runtime: Runtime, world: World) => Promise<void>
): Promise<{ url: string; world: World }> {
	const database = await createTestDatabase();
	const runtime = await startRuntime({
		config: readConfig({ ...database.env, SEED_DEMO: 'false' })
	});
	let world: World;
	try {
		world = await buildWorld(runtime);
		await prepare?.(runtime, world);
	} finally {
		await stopRuntime();
	}
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const started = runBuiltServer({
		...database.env,
		HOST: '127.0.0.1',
		PORT: String(port),
		ORIGIN: url,
		SEED_DEMO: 'false',
		REDIS_URL: ''
	});
	afterAll(async () => {
		started.child.kill('SIGKILL');
		await started.exited;
		await database.drop();
	});
	await waitForOutput(started, /Tavolo is running/, 90_000);
	return { url, world };
}
