/**
 * A Tavolo instance as a child process, without SvelteKit pages: the real runtime (database,
 * migrations), the real collaboration endpoint and fan-out, configured from the environment
 * like `node build/server.js`. Tests that SIGKILL a server or run several use it, so they need
 * no build. Prints `listening <port>` once it accepts connections.
 */
import { readConfig } from '../../src/lib/server/config';
import { startRuntime, stopRuntime } from '../../src/lib/server/runtime';
import { createTavoloServer } from '../../server/app';

const config = readConfig();
const runtime = await startRuntime({ config });
const app = createTavoloServer(
	runtime,
	(_req, res) => {
		res.statusCode = 404;
		res.end();
	},
	{ compactAfter: Number(process.env.TEST_COMPACT_AFTER ?? 1000) }
);
const port = await app.listen(config.port, '127.0.0.1');
console.log(`listening ${port}`);

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
