import { sequence } from '@sveltejs/kit/hooks';
import type { Handle, HandleServerError } from '@sveltejs/kit';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getRuntime } from '$lib/server/runtime';
import {
	SESSION_COOKIE,
	sessionCookieAttributes,
	validateSessionToken
} from '$lib/server/auth/session';
import { logger } from '$lib/server/log/logger';
import { contextFor } from '$lib/server/context';
import { withGrantMemo } from '$lib/server/access/grant-memo';
import { refuseCrossOriginWrites } from '$lib/server/auth/same-origin';

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	// Anything shown to a signed-in person may hold personal data: never kept by a cache.
	if (event.locals.actor && !response.headers.has('Cache-Control')) {
		response.headers.set('Cache-Control', 'no-store');
	}
	return response;
};

const locale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

const session: Handle = async ({ event, resolve }) => {
	const runtime = await getRuntime();
	event.locals.runtime = runtime;
	event.locals.actor = null;
	event.locals.sessionId = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const valid = await validateSessionToken(runtime.db, token);
		if (valid) {
			event.locals.actor = valid.actor;
			event.locals.sessionId = valid.session.id;
			// Sliding expiry: refresh the cookie with the (possibly extended) expiry.
			event.cookies.set(
				SESSION_COOKIE,
				token,
				sessionCookieAttributes(valid.session.expiresAt, {
					secure: event.url.protocol === 'https:'
				})
			);
		} else {
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	}
	// The one context every load, action and endpoint hands to the domain.
	event.locals.ctx = contextFor(runtime, event.locals.actor);
	// A reading request asks the policy about one membership many times: one query for it.
	const reads = event.request.method === 'GET' || event.request.method === 'HEAD';
	return reads ? withGrantMemo(runtime.db, () => resolve(event)) : resolve(event);
};

export const handle = sequence(securityHeaders, locale, refuseCrossOriginWrites, session);

/** Unknown errors are logged with an id; the user sees the id and a plain message, never a stack. */
export const handleError: HandleServerError = ({ error, status, message }) => {
	const id = crypto.randomUUID();
	if (status >= 500) logger.error({ err: error, errorId: id }, 'unexpected error');
	return { message, id };
};
