import type { Db } from './db/client';
import type { Actor } from './access/policy';
import { UnauthorizedError } from './errors';
import type { InvalidationBus } from './live/invalidation';
import { liveDocuments, type LiveBuses, type LiveDocuments } from './live/live';

/**
 * What every domain function receives first: the database, who is acting, the live documents
 * (read, write, re-check access) and the access-invalidation bus. Built once per request in
 * `hooks.server.ts` (`event.locals.ctx`); nothing else arrives as a side argument.
 */
export interface Ctx {
	db: Db;
	actor: Actor | null;
	live: LiveDocuments;
	invalidations: InvalidationBus;
}

/** The context of someone signed in: for domain functions that act as a person, not a grant. */
export interface SignedInCtx extends Ctx {
	actor: Actor;
}

/** The context of one request (or one test) from the process's runtime and who is acting. */
export function contextFor<A extends Actor | null>(
	runtime: LiveBuses,
	actor: A
): Ctx & { actor: A } {
	return {
		db: runtime.db,
		actor,
		live: liveDocuments(runtime),
		invalidations: runtime.invalidations
	};
}

/** Narrows the context to a signed-in person, or refuses like authorize() does for nobody. */
export function signedIn(ctx: Ctx): SignedInCtx {
	if (!ctx.actor) throw new UnauthorizedError();
	return { ...ctx, actor: ctx.actor };
}
