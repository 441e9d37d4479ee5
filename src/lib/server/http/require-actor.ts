import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actor } from '../access/policy';

/** Pages of the (app) group: anonymous visitors go to the sign-in page and come back after. */
export function requireActor(event: Pick<RequestEvent, 'locals' | 'url'>): Actor {
	if (event.locals.actor) return event.locals.actor;
	const back = event.url.pathname + event.url.search;
	redirect(303, `/login?redirectTo=${encodeURIComponent(back)}`);
}
