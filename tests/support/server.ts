import { afterAll } from 'vitest';
import { readConfig } from '../../src/lib/server/config';
import { startRuntime, stopRuntime, type Runtime } from '../../src/lib/server/runtime';
import { createTavoloServer, type RequestHandler, type TavoloServer } from '../../server/app';
import { createTestDatabase } from './database';

export interface TestServer {
	url: string;
	wsUrl: string;
	port: number;
	runtime: Runtime;
	app: TavoloServer;
	stop(): Promise<void>;
}

/**
 * The real Tavolo server in this process: real database (fresh), real SvelteKit handler from
 * the build, real collaboration endpoint, on port 0 so test files can run side by side.
 * Stopped automatically after the file's tests.
 */
export async function startTestServer(
	options: {
		env?: Record<string, string>;
		seedDemo?: boolean;
		/** false: collab-only tests that need no SvelteKit build (pages answer 404). */
		pages?: boolean;
		/** Wraps the built handler (e.g. to count each request's SQL statements). */
		wrapHandler?: (handler: RequestHandler) => RequestHandler;
	} = {}
): Promise<TestServer> {
	const database = await createTestDatabase();
	const config = readConfig({
		...database.env,
		SEED_DEMO: options.seedDemo ? 'true' : 'false',
		COLLAB_ROOM_IDLE_MS: '200',
		...options.env
	});
	const { seedIfEnabled } = await import('../../src/lib/server/demo/seed');
	const runtime = await startRuntime({
		config,
		afterMigrate: seedIfEnabled,
		// Exports render in the built worker, as in production (ADR 0200).
		...(options.pages === false
			? {}
			: { exportWorker: `${process.cwd()}/build/export-render-worker.js` })
	});
	const built = options.pages === false ? notFound : await loadBuiltHandler();
	const handler = options.wrapHandler ? options.wrapHandler(built) : built;
	const app = createTavoloServer(runtime, handler);
	const port = await app.listen(0, '127.0.0.1');
	let stopped = false;
	const stop = async () => {
		if (stopped) return;
		stopped = true;
		await app.close();
		await stopRuntime();
		await database.drop();
	};
	afterAll(stop);
	return {
		url: `http://127.0.0.1:${port}`,
		wsUrl: `ws://127.0.0.1:${port}/collab`,
		port,
		runtime,
		app,
		stop
	};
}

const notFound: RequestHandler = (_req, res) => {
	res.statusCode = 404;
	res.end();
};

async function loadBuiltHandler(): Promise<RequestHandler> {
	const path = `${process.cwd()}/build/handler.js`;
	const loaded = (await import(/* @vite-ignore */ path)) as { handler: RequestHandler };
	return loaded.handler;
}
