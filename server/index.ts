import { readConfig, ConfigError } from '$lib/server/config';
import { startRuntime, stopRuntime } from '$lib/server/runtime';
import { DataDirLockedError } from '$lib/server/db/data-dir-lock';
import { seedIfEnabled, DEMO_LOGINS } from '$lib/server/demo/seed';
import { logger } from '$lib/server/log/logger';
import { startMailQueue } from '$lib/server/notifications/mail-queue';
import { createTavoloServer, SOCKET_PROTOCOL_HEADER, type RequestHandler } from './app';

/** Production entry: `node build/server.js` (built by scripts/build-server.js). */
async function main() {
	const config = readConfig();
	const runtime = await startRuntime({
		config,
		afterMigrate: seedIfEnabled,
		// Bundled beside this file by scripts/build-server.js.
		exportWorker: new URL('./export-render-worker.js', import.meta.url)
	});
	// Without ORIGIN (and no proxy header configured), adapter-node learns the protocol from the
	// socket; it reads its environment once, when the handler loads below.
	process.env.PROTOCOL_HEADER ??= SOCKET_PROTOCOL_HEADER;
	// The adapter-node handler sits next to this file once built; it reads PORT/ORIGIN itself.
	const { handler } = (await import(new URL('./handler.js', import.meta.url).href)) as {
		handler: RequestHandler;
	};
	const app = createTavoloServer(runtime, handler);
	// Signals are handled before the server says it runs: whoever reads that line may stop it at
	// once, and without a listener SIGTERM would kill the process instead of draining it.
	let stopping = false;
	const stop = async (signal: string) => {
		if (stopping) return;
		stopping = true;
		logger.info({ signal }, 'shutting down');
		// Drain fast: a stuck socket must not keep the process alive past the deadline.
		const deadline = setTimeout(() => process.exit(1), 4_500);
		deadline.unref();
		await app.close();
		await stopRuntime();
		process.exit(0);
	};
	process.on('SIGTERM', () => void stop('SIGTERM'));
	process.on('SIGINT', () => void stop('SIGINT'));
	const port = await app.listen(config.port, config.host);
	const url = config.origin ?? `http://localhost:${port}`;
	// Notification mails owed in the database (ADR 0152) leave from here, also after a restart.
	startMailQueue(runtime.db, runtime.mailer, url);
	console.log(`\nTavolo is running at ${url}\n`);
	if (config.seedDemo) {
		console.log('Demo logins (password for all: ' + DEMO_LOGINS.password + '):');
		for (const login of DEMO_LOGINS.people) {
			console.log(`  ${login.email.padEnd(34)} ${login.role}`);
		}
		console.log('');
	}
}

function explain(error: unknown): string {
	if (error instanceof ConfigError || error instanceof DataDirLockedError) return error.message;
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	if (code === 'EADDRINUSE') {
		return 'The port is already in use: stop the other program or set PORT.';
	}
	if (code === 'EACCES') return 'Not allowed to listen on that port: choose another with PORT.';
	if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'CONNECT_TIMEOUT') {
		return 'Cannot reach the database at DATABASE_URL: is PostgreSQL running and the URL right?';
	}
	return `Tavolo could not start: ${(error as Error)?.message ?? String(error)}`;
}

main().catch((error: unknown) => {
	console.error(`\n${explain(error)}\n`);
	logger.debug({ err: error }, 'start-up failed');
	void stopRuntime().finally(() => process.exit(1));
});
