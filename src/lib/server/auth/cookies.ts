import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE, sessionCookieAttributes } from './session';
import { DEVICE_COOKIE } from './trusted-device';

/** What setting a cookie needs from a SvelteKit request: the jar, and whether it came over HTTPS. */
export interface CookieJar {
	cookies: Cookies;
	url: URL;
}

const secure = (url: URL) => ({ secure: url.protocol === 'https:' });

export function setSessionCookie({ cookies, url }: CookieJar, token: string, expiresAt: Date) {
	cookies.set(SESSION_COOKIE, token, sessionCookieAttributes(expiresAt, secure(url)));
}

export function clearSessionCookie({ cookies, url }: CookieJar) {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', ...secure(url) });
}

/** Same flags as the session cookie: only the server ever reads it. */
export function setDeviceCookie({ cookies, url }: CookieJar, token: string, expiresAt: Date) {
	cookies.set(DEVICE_COOKIE, token, sessionCookieAttributes(expiresAt, secure(url)));
}

export function readDeviceCookie({ cookies }: CookieJar): string | null {
	return cookies.get(DEVICE_COOKIE) ?? null;
}
