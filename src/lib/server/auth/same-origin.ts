import { json, type Handle } from '@sveltejs/kit';
import { errorMessage } from '../http/error-message';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a state-changing request comes from another site. Browsers always send `Origin` on
 * such requests; scripts (curl, the benchmark) send none and carry no ambient cookie risk.
 * `Sec-Fetch-Site` covers old browsers that omit `Origin` on same-site navigations.
 */
export function isCrossOriginWrite(method: string, headers: Headers, ownOrigin: string): boolean {
	if (SAFE_METHODS.has(method.toUpperCase())) return false;
	const origin = headers.get('origin');
	if (origin !== null) return origin !== ownOrigin;
	const site = headers.get('sec-fetch-site');
	return site !== null && site !== 'same-origin' && site !== 'none';
}

/**
 * SvelteKit's own CSRF check covers form content types only; this refuses every cross-origin
 * POST/PUT/PATCH/DELETE, JSON endpoints included, in one place.
 */
export const refuseCrossOriginWrites: Handle = ({ event, resolve }) => {
	if (!isCrossOriginWrite(event.request.method, event.request.headers, event.url.origin)) {
		return resolve(event);
	}
	const body = { code: 'cross_origin', message: errorMessage('cross_origin') };
	const wantsJson = event.request.headers.get('accept')?.includes('application/json');
	return wantsJson
		? json(body, { status: 403 })
		: new Response(body.message, { status: 403, headers: { 'content-type': 'text/plain' } });
};
