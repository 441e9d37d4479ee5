import type { AccessInvalidation } from '$lib/server/live/invalidation';
import type { Db } from '$lib/server/db/client';
import type { Logger } from '$lib/server/log/logger';
import { recheck } from './auth';
import { CloseCode } from './close-codes';
import type { Connection } from './connection';
import type { Rooms } from './rooms';

/**
 * Access decided again when the domain says it changed: the connections concerned ask the
 * policy once more. Unchanged access keeps its socket; anything else is closed with a code that
 * tells the client what happened, and a client that still has access reconnects and is
 * authorised from scratch (access is decided in one place, the upgrade).
 */
export function createAccessWatcher(deps: { db: Db; rooms: Rooms; log: Logger }) {
	return function onInvalidation(event: AccessInvalidation): Promise<void> {
		const affected =
			'documentName' in event
				? deps.rooms.connectionsTo(event.documentName)
				: deps.rooms.connectionsOf(event.personId);
		return Promise.all(affected.map((connection) => reauthorise(deps, connection))).then(() => {});
	};
}

async function reauthorise(deps: { db: Db; log: Logger }, connection: Connection): Promise<void> {
	if (connection.closed) return;
	let now: Awaited<ReturnType<typeof recheck>>;
	try {
		now = await recheck(deps.db, connection.sessionToken, connection.documentName);
	} catch (error) {
		// Cannot tell: drop write access and let the reconnect decide.
		deps.log.warn({ err: error, document: connection.documentName }, 'collab recheck failed');
		connection.permission = 'read';
		connection.close(CloseCode.AccessChanged, 'access changed');
		return;
	}
	if (now === 'unauthenticated') return connection.close(CloseCode.Unauthorized, 'session ended');
	if (now === 'none') return connection.close(CloseCode.Forbidden, 'access revoked');
	if (now === connection.permission) return;
	// Downgrade at once, so nothing sent before the close takes effect is applied.
	if (now === 'read' || now === 'suggest') connection.permission = now;
	connection.close(CloseCode.AccessChanged, 'access changed');
}
