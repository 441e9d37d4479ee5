import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Runtime } from '$lib/server/runtime';
import { logger as defaultLogger, type Logger } from '$lib/server/log/logger';
import { notifySuggestionsDecided } from '$lib/server/notifications/suggestion-decided';
import { createAccessWatcher } from './access';
import { admit, isKnownKind } from './auth';
import { Connection } from './connection';
import { createConnectionRate } from './connection-rate';
import { watchSessionExpiry } from './session-expiry';
import type { Fanout } from './fanout';
import { createLocalFanout } from './fanout/local';
import { createRedisFanout } from './fanout/redis';
import type { Persistence } from './persistence';
import { createPostgresPersistence } from './persistence/postgres';
import { createPermissionCache } from './permission-cache';
import { Rooms } from './rooms';
import { createUpdateBudget } from './update-budget';
import { readTarget, refuse } from './upgrade';

export interface CollabServer {
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
	/** Rooms loaded in memory now (tests and metrics). */
	readonly rooms: Rooms;
	close(): Promise<void>;
}

export interface CollabDependencies {
	runtime: Runtime;
	/** Default: PostgreSQL/PGlite of the runtime, group-committed. */
	persistence?: Persistence;
	/** Default: Redis when REDIS_URL is set (several instances), else local (one instance). */
	fanout?: Fanout;
	log?: Logger;
	/** How often sessions that ran out are looked for, to close their sockets. Default 30 s. */
	sessionCheckMs?: number;
	/** Updates appended since the snapshot before a background compaction. Default 1000. */
	compactAfter?: number;
}

/**
 * The live-collaboration endpoint: `/collab/<kind>:<uuid>` on the app's own port, speaking
 * the y-websocket protocol. Refusals happen before the upgrade (upgrade.ts, auth.ts).
 */
export function createCollabServer(deps: CollabDependencies): CollabServer {
	const { runtime } = deps;
	const { maxMessageBytes, roomIdleMs, maxClientsPerDocument, updateCheckBytes, updateBudgetMs } =
		runtime.config.collab;
	const log = deps.log ?? defaultLogger;
	const persistence: Persistence =
		deps.persistence ??
		// `rooms` is read only when a scan runs, seconds after a store, long after it is set.
		createPostgresPersistence(runtime.db, {
			liveDocument: (name) => rooms.get(name)?.storedDocument
		});
	const redisUrl = runtime.config.redisUrl;
	const fanout =
		deps.fanout ??
		(redisUrl
			? createRedisFanout({ url: redisUrl, load: (name) => persistence.load(name), log })
			: createLocalFanout());
	const wss = new WebSocketServer({
		noServer: true,
		maxPayload: maxMessageBytes,
		perMessageDeflate: false
	});
	const updateBudget = createUpdateBudget({
		checkBytes: updateCheckBytes,
		budgetMs: updateBudgetMs,
		log
	});
	const rooms = new Rooms({
		persistence,
		fanout,
		log,
		idleMs: roomIdleMs,
		maxClientsPerDocument,
		compactAfter: deps.compactAfter ?? 1000,
		updateBudget,
		onSuggestionsDecided: (name, authorIds, deciderId) =>
			void notifySuggestionsDecided(runtime.db, name, authorIds, deciderId).catch(
				(error: unknown) => log.error({ err: error, document: name }, 'suggestion notice failed')
			)
	});
	const admission = { db: runtime.db, permissions: createPermissionCache() };
	const onInvalidation = createAccessWatcher({ db: runtime.db, rooms, log });
	const watchInvalidation = (event: Parameters<typeof onInvalidation>[0]) => {
		admission.permissions.invalidate(event);
		void onInvalidation(event).catch((error: unknown) =>
			log.error({ err: error }, 'collab invalidation failed')
		);
	};
	const unsubscribe = [
		runtime.invalidations.subscribe((event) => {
			watchInvalidation(event);
			fanout.publishInvalidation(event);
		}),
		fanout.subscribeInvalidations(watchInvalidation),
		watchSessionExpiry({
			db: runtime.db,
			publish: (event) => runtime.invalidations.publish(event),
			log,
			everyMs: deps.sessionCheckMs ?? 30_000
		}),
		runtime.documents.subscribe(({ name, update }) => {
			rooms.get(name)?.applyStored(update);
			fanout.publishUpdate(name, update);
		})
	];
	let closing = false;
	const connectionRate = createConnectionRate(Date.now, runtime.limits.handshakes);

	async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
		if (!(await connectionRate.allow(req))) return refuse(socket, 429, 'too many connections');
		const target = readTarget(req, runtime.config.origin);
		if (!target.ok) return refuse(socket, target.status, target.reason);
		if (!isKnownKind(target.name)) return refuse(socket, 404, 'unknown document kind');
		const release = rooms.reserve(target.name);
		if (!release) return refuse(socket, 503, 'too many clients on this document');
		try {
			const admitted = await admit(admission, req.headers, target.name);
			if (!admitted.ok) return refuse(socket, admitted.status, admitted.reason);
			if (closing || socket.destroyed) return refuse(socket, 503, 'shutting down');
			wss.handleUpgrade(req, socket, head, (ws) => {
				const { actor, sessionToken, permission } = admitted;
				rooms.connect(ws, new Connection(ws, target.name, actor, sessionToken, permission));
			});
		} finally {
			release();
		}
	}

	return {
		rooms,
		handleUpgrade(req, socket, head) {
			// A client that resets mid-handshake must not crash the process.
			socket.on('error', (error) => log.debug({ err: error }, 'collab handshake socket error'));
			if (closing) return refuse(socket, 503, 'shutting down');
			upgrade(req, socket, head).catch((error: unknown) => {
				log.error({ err: error }, 'collab upgrade failed');
				refuse(socket, 500, 'internal error');
			});
		},
		async close() {
			closing = true;
			for (const stop of unsubscribe) stop();
			await rooms.close();
			await updateBudget.close();
			await persistence.close();
			await fanout.close();
			wss.close();
		}
	};
}
