import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import type { Runtime } from '$lib/server/runtime';
import { logger } from '$lib/server/log/logger';
import { createAdmission, type Admission } from './admission';
import { createCollabServer, type CollabDependencies, type CollabServer } from './collab';

export type RequestHandler = (
	req: IncomingMessage,
	res: ServerResponse,
	next?: () => void
) => void | Promise<void>;

export interface TavoloServer {
	server: Server;
	collab: CollabServer;
	admission: Admission;
	listen(port: number, host?: string): Promise<number>;
	close(): Promise<void>;
}

/**
 * The protocol each request really came over, for adapter-node's PROTOCOL_HEADER when no ORIGIN
 * is configured (server/index.ts). Without it adapter-node takes every request for https, so on
 * plain http://localhost SvelteKit refuses every form as cross-site and cookies get `Secure`.
 */
export const SOCKET_PROTOCOL_HEADER = 'x-tavolo-socket-protocol';

/**
 * One HTTP server, one port: SvelteKit's handler for requests, the collaboration endpoint for
 * upgrades of /collab/*. Tests start it in-process on port 0.
 */
export function createTavoloServer(
	runtime: Runtime,
	handler: RequestHandler,
	/** Collaboration options beyond the runtime (tests: memory persistence, a shared fan-out). */
	collabOptions: Omit<CollabDependencies, 'runtime'> = {}
): TavoloServer {
	const collab = createCollabServer({ ...collabOptions, runtime });
	const admission = createAdmission({
		limit: runtime.config.http.maxConcurrent,
		maxWaitMs: runtime.config.http.maxWaitMs,
		newestFirstAfterMs: runtime.config.http.newestFirstAfterMs
	});
	// The gate's queue, once a second while it holds work (LOG_LEVEL=debug; `npm run bench:http`
	// with BENCH_SERVER_LOG).
	const trace = setInterval(() => {
		if (!logger.isLevelEnabled('debug')) return;
		const stats = admission.stats();
		if (stats.running + stats.waiting > 0) logger.debug(stats, 'admission');
	}, 1_000);
	trace.unref();
	const server = createServer((req, res) => {
		// Always overwritten, so a client cannot claim https over a plain-http socket.
		req.headers[SOCKET_PROTOCOL_HEADER] = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
		admission.admit(req, res, () =>
			handler(req, res, () => {
				res.statusCode = 404;
				res.end('Not found');
			})
		);
	});
	server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
		collab.handleUpgrade(req, socket, head);
	});
	return {
		server,
		collab,
		admission,
		listen(port, host) {
			return new Promise((resolve, reject) => {
				server.once('error', reject);
				server.listen(port, host, () => {
					server.off('error', reject);
					const address = server.address();
					resolve(typeof address === 'object' && address ? address.port : port);
				});
			});
		},
		async close() {
			clearInterval(trace);
			admission.close();
			await collab.close();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};
}
