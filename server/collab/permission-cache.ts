import type { AccessInvalidation } from '$lib/server/live/invalidation';
import type { DocumentPermission } from '$lib/server/live-kinds';

/** Long enough to serve a burst of connections (a class opening one page), short enough to forget. */
const TTL_MS = 5_000;

export interface PermissionCache {
	/** The permission of `personId` on `name`, asked of `decide` at most once while it is fresh. */
	get(
		personId: string,
		name: string,
		decide: () => Promise<DocumentPermission>
	): Promise<DocumentPermission>;
	/** Forgets whatever the event may have changed; the next connection asks the policy again. */
	invalidate(event: AccessInvalidation): void;
}

interface Entry {
	personId: string;
	name: string;
	permission: Promise<DocumentPermission>;
	expiresAt: number;
}

/**
 * The policy's answer for one person on one document, shared by the sockets that open it within
 * a few seconds: the hundred connections of a class arriving together cost one decision, not a
 * hundred. The access invalidation bus (the same events that re-check open sockets) empties it,
 * and a question still in flight is dropped too, so no answer from before a change is reused
 * after it.
 */
export function createPermissionCache(now: () => number = Date.now): PermissionCache {
	const entries = new Map<string, Entry>();
	return {
		get(personId, name, decide) {
			const key = `${personId}\u0000${name}`;
			const cached = entries.get(key);
			if (cached && cached.expiresAt > now()) return cached.permission;
			const entry: Entry = { personId, name, permission: decide(), expiresAt: now() + TTL_MS };
			entries.set(key, entry);
			// A failed decision is not remembered: the next connection asks again.
			entry.permission.catch(() => entries.get(key) === entry && entries.delete(key));
			if (entries.size > 10_000) dropExpired(entries, now());
			return entry.permission;
		},
		invalidate(event) {
			for (const [key, entry] of entries) {
				const concerned =
					'documentName' in event
						? entry.name === event.documentName
						: entry.personId === event.personId;
				if (concerned) entries.delete(key);
			}
		}
	};
}

function dropExpired(entries: Map<string, Entry>, at: number): void {
	for (const [key, entry] of entries) if (entry.expiresAt <= at) entries.delete(key);
}
