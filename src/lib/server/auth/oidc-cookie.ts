import type { CookieJar } from './cookies';
import type { PendingOidc } from './oidc';

/**
 * The sign-in in progress with the SPID/CIE gateway (state, nonce, PKCE verifier) lives in the
 * browser that started it, in a short-lived cookie only the callback path receives. SameSite=Lax:
 * the gateway brings the browser back with a top-level GET from another site.
 */
const COOKIE = 'tavolo_oidc';
const PATH = '/login/oidc';
const TEN_MINUTES = 600;

export function keepPendingOidc({ cookies, url }: CookieJar, pending: PendingOidc): void {
	cookies.set(COOKIE, Buffer.from(JSON.stringify(pending)).toString('base64url'), {
		path: PATH,
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: TEN_MINUTES
	});
}

/** Reads and forgets it: a callback can be used once. */
export function takePendingOidc({ cookies, url }: CookieJar): PendingOidc | null {
	const raw = cookies.get(COOKIE);
	cookies.delete(COOKIE, { path: PATH, secure: url.protocol === 'https:' });
	if (!raw) return null;
	try {
		const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString()) as Partial<PendingOidc>;
		const { state, nonce, verifier, redirectTo } = parsed;
		if ([state, nonce, verifier, redirectTo].every((value) => typeof value === 'string')) {
			return parsed as PendingOidc;
		}
	} catch {
		// A tampered cookie is no pending sign-in.
	}
	return null;
}
