import { redirect } from '@sveltejs/kit';
import { finishOidcSignIn } from '$lib/server/auth/oidc';
import { takePendingOidc } from '$lib/server/auth/oidc-cookie';
import { openSession } from '$lib/server/auth/sign-in';
import { invalidateSession } from '$lib/server/auth/session';
import { readDeviceCookie } from '$lib/server/auth/cookies';
import { findTrustedDevice } from '$lib/server/auth/trusted-device';
import { startBrowserSession } from '$lib/server/auth/web-session';
import { safeRedirectTarget } from '$lib/server/auth/redirect-target';
import { DomainError } from '$lib/server/errors';
import type { RequestHandler } from './$types';

/**
 * The gateway sends the browser back here. A verified identity linked to a person opens a new
 * session exactly as a password does; anything else returns to the login page with the reason.
 */
export const GET: RequestHandler = async (event) => {
	const { runtime } = event.locals;
	const settings = runtime.config.oidc;
	if (!settings) redirect(303, '/login');
	const pending = takePendingOidc(event);
	let actorId: string;
	try {
		actorId = (await finishOidcSignIn(runtime.db, settings, event.url, pending)).id;
	} catch (failure) {
		const code = failure instanceof DomainError ? failure.code : 'oidc_failed';
		redirect(303, `/login?oidc=${encodeURIComponent(code)}`);
	}
	if (event.locals.sessionId) await invalidateSession(runtime.db, event.locals.sessionId);
	const device = await findTrustedDevice(runtime.db, readDeviceCookie(event));
	const deviceTrusted = device?.personId === actorId;
	startBrowserSession(event, await openSession(runtime.db, actorId, { deviceTrusted }));
	redirect(303, safeRedirectTarget(pending?.redirectTo ?? ''));
};
