import type { RequestEvent } from '@sveltejs/kit';
import { invalidateSession } from './session';
import { clearSessionCookie, readDeviceCookie, setDeviceCookie, setSessionCookie } from './cookies';
import { signIn, type OpenedSession, type SignedIn } from './sign-in';
import { sharedLoginThrottle } from './throttle';

type Event = Pick<RequestEvent, 'cookies' | 'url' | 'locals' | 'getClientAddress'>;

/**
 * Sign-in from a browser or a script: checks the password under the throttle, ends the session
 * the request came with (no session survives a sign-in: fixation is impossible) and sets the
 * cookies of the new one.
 */
export async function signInFromRequest(
	event: Event,
	input: { email: string; password: string }
): Promise<SignedIn> {
	const signedIn = await signIn(
		{ db: event.locals.ctx.db, throttle: sharedLoginThrottle() },
		{ ...input, ip: event.getClientAddress(), deviceToken: readDeviceCookie(event) }
	);
	if (event.locals.sessionId) {
		await invalidateSession(event.locals.ctx.db, event.locals.sessionId);
	}
	startBrowserSession(event, signedIn);
	event.locals.actor = signedIn.actor;
	event.locals.ctx = { ...event.locals.ctx, actor: signedIn.actor };
	return signedIn;
}

/** Puts an opened session (and device cookie) on the response. */
export function startBrowserSession(event: Event, started: OpenedSession): void {
	setSessionCookie(event, started.token, started.session.expiresAt);
	if (started.device) setDeviceCookie(event, started.device.token, started.device.expiresAt);
	event.locals.sessionId = started.session.id;
}

/** Ends this browser's session; open live documents of the person re-authenticate. */
export async function signOutFromRequest(event: Event): Promise<void> {
	const { ctx, sessionId, actor } = event.locals;
	if (sessionId) await invalidateSession(ctx.db, sessionId);
	clearSessionCookie(event);
	if (actor) ctx.invalidations.publish({ personId: actor.id });
	event.locals.sessionId = null;
	event.locals.actor = null;
	event.locals.ctx = { ...ctx, actor: null };
}
