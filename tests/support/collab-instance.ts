/**
 * A Tavolo instance as a child process, without SvelteKit pages: the real runtime (database,
 * migrations), the real collaboration endpoint and fan-out, configured from the environment
 * like `node build/server.js`. Tests that SIGKILL a server or run several use it, so they need
 * no build. With `TEST_PAGES=1` it also serves the built pages and endpoints (needs the build).
 * Prints `listening <port>` once it accepts connections.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { readConfig } from '../../src/lib/server/config';
import { startRuntime, stopRuntime } from '../../src/lib/server/runtime';
import { createTavoloServer, type RequestHandler } from '../../server/app';

const config = readConfig();
const runtime = await startRuntime({ config });
const notFound: RequestHandler = (_req, res) => {
	res.statusCode = 404;
	res.end();
};
const handler =
	process.env.TEST_PAGES === '1'
		? (
				(await import(/* @vite-ignore */ `${process.cwd()}/build/handler.js`)) as {
					handler: RequestHandler;
				}
			).handler
		: notFound;
const app = createTavoloServer(runtime, handler, {
	compactAfter: Number(process.env.TEST_COMPACT_AFTER ?? 1000)
});
const port = await app.listen(config.port, '127.0.0.1');
console.log(`listening ${port}`);

// SIGUSR2: print the longest event-loop stall since the previous one (tests/support/instances.ts).
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
process.on('SIGUSR2', () => {
	console.log(`event-loop max ${Math.round(loopDelay.max / 1e6)} ms`);
	loopDelay.reset();
});

let stopping = false;
process.on('SIGTERM', () => {
	if (stopping) return;
	stopping = true;
	const deadline = setTimeout(() => process.exit(1), 4_500);
	deadline.unref();
	void app
		.close()
		.then(stopRuntime)
		.then(() => process.exit(0));
});
