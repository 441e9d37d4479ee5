/**
 * What the service worker keeps for offline use (ADR 0193). A page is kept only if it is one a
 * person reopens to go on writing without a connection — the proposal canvas, a meeting with its
 * minutes, and the lists that lead to them — never case records, labs, accounts, API, collab,
 * sign-in or export responses: those hold other people's personal data or one-off files.
 */
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const OFFLINE_PAGES = [
	'/projects',
	`/projects/${UUID}`,
	`/projects/${UUID}/proposals`,
	`/projects/${UUID}/proposals/${UUID}`,
	`/projects/${UUID}/governance/meetings`,
	`/projects/${UUID}/governance/meetings/${UUID}`
].map((pattern) => new RegExp(`^${pattern}/?$`, 'i'));

/** SvelteKit's client fetches a page's data at `<page>/__data.json` on in-app navigation. */
const DATA_SUFFIX = '/__data.json';

/** The page a path shows, whether asked as a document or as its data. */
function pagePath(pathname: string): string {
	return pathname.endsWith(DATA_SUFFIX) ? pathname.slice(0, -DATA_SUFFIX.length) || '/' : pathname;
}

/** A page (or its data) kept in the cache when opened, and served from it when offline. */
export function keptForOffline(pathname: string): boolean {
	const page = pagePath(pathname);
	return OFFLINE_PAGES.some((pattern) => pattern.test(page));
}

/**
 * The kept page whose data `pathname` asks for, or null. A page reached by in-app navigation
 * arrives as data only; the worker then fetches the page itself too, so it reloads offline.
 */
export function pageOfKeptData(pathname: string): string | null {
	if (!pathname.endsWith(DATA_SUFFIX) || !keptForOffline(pathname)) return null;
	return pagePath(pathname);
}

/**
 * A request after which the kept pages belong to nobody: signing out, or any step of signing in
 * (possibly as someone else on a shared computer), the OpenID Connect round included.
 */
export function endsTheSession(method: string, pathname: string): boolean {
	if (pathname === '/login' || pathname.startsWith('/login/')) return true;
	return pathname === '/logout' && method !== 'GET' && method !== 'HEAD';
}
