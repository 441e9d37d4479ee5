import { and, gt, lte } from 'drizzle-orm';
import type { AccessInvalidation } from '$lib/server/live/invalidation';
import type { Db } from '$lib/server/db/client';
import { session } from '$lib/server/db/schema';
import type { Logger } from '$lib/server/log/logger';

/**
 * Sessions that simply run out (no sign-out, nobody removed) end on the WebSocket door too:
 * every `everyMs` the sessions that expired since the last look are announced as
 * invalidations of their person, and the access watcher closes that person's sockets whose
 * session is gone (4401) — the same path as a sign-out, so access is decided in one place.
 */
export function watchSessionExpiry(deps: {
	db: Db;
	publish(event: AccessInvalidation): void;
	log: Logger;
	everyMs: number;
}): () => void {
	let since = new Date();
	let running = false;
	const timer = setInterval(() => {
		if (running) return;
		running = true;
		const now = new Date();
		deps.db
			.selectDistinct({ personId: session.personId })
			.from(session)
			.where(and(gt(session.expiresAt, since), lte(session.expiresAt, now)))
			.then((expired) => {
				since = now;
				for (const { personId } of expired) deps.publish({ personId });
			})
			.catch((error: unknown) => deps.log.warn({ err: error }, 'session expiry check failed'))
			.finally(() => (running = false));
	}, deps.everyMs);
	timer.unref();
	return () => clearInterval(timer);
}
