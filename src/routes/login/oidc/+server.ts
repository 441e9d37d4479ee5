import { error, redirect } from '@sveltejs/kit';
import { beginOidcSignIn } from '$lib/server/auth/oidc';
import { keepPendingOidc } from '$lib/server/auth/oidc-cookie';
import { safeRedirectTarget } from '$lib/server/auth/redirect-target';
import type { RequestHandler } from './$types';

/** Leaves for the body's SPID/CIE gateway (public: it is how one signs in). */
export const GET: RequestHandler = async (event) => {
	const settings = event.locals.runtime.config.oidc;
	if (!settings) error(404, 'Not found');
	const redirectTo = safeRedirectTarget(event.url.searchParams.get('redirectTo') ?? '');
	const callback = new URL('/login/oidc/callback', event.url.origin).href;
	let started;
	try {
		started = await beginOidcSignIn(settings, callback, redirectTo);
	} catch {
		// The gateway cannot be reached: say so on the login page rather than a bare 500.
		redirect(303, '/login?oidc=oidc_failed');
	}
	keepPendingOidc(event, started.pending);
	redirect(303, started.url.href);
};
