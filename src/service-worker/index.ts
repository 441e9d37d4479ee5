/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
import { build, files, version } from '$service-worker';
import { endsTheSession, keptForOffline, pageOfKeptData } from '$lib/offline/cache-rules';

/**
 * The installable app shell (ADR 0193): the built assets and static files are kept per version
 * (cache first: their names carry a hash, or change with the version), and the pages a person
 * opens among those `keptForOffline` are kept as last seen (network first), so a proposal or a
 * meeting already opened reopens without a connection; y-indexeddb holds its live text. The kept
 * pages are dropped when the session ends.
 */
const sw = globalThis as unknown as ServiceWorkerGlobalScope;
const SHELL = `tavolo-shell-${version}`;
const PAGES = `tavolo-pages-${version}`;
const shellFiles = new Set([...build, ...files]);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(SHELL)
			.then((cache) => cache.addAll([...shellFiles]))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key !== SHELL && key !== PAGES) await caches.delete(key);
			}
			await sw.clients.claim();
			await keepOpenPages();
		})()
	);
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (endsTheSession(request.method, url.pathname)) {
		event.waitUntil(forgetPages());
		return;
	}
	if (request.method !== 'GET') return;
	if (shellFiles.has(url.pathname)) {
		event.respondWith(fromShell(request));
	} else if (keptForOffline(url.pathname)) {
		event.respondWith(networkFirst(request));
		const page = pageOfKeptData(url.pathname);
		if (page) event.waitUntil(keepPageOnce(new URL(page, url)));
	}
	// Everything else (API, collab, exports, other pages) goes to the network untouched.
});

async function fromShell(request: Request): Promise<Response> {
	const cached = await caches.match(request, { cacheName: SHELL });
	return cached ?? fetch(request);
}

async function networkFirst(request: Request): Promise<Response> {
	try {
		const response = await fetch(request);
		await keep(request, response);
		return response;
	} catch (offline) {
		const cache = await caches.open(PAGES);
		const cached =
			(await cache.match(request)) ?? (await cache.match(request, { ignoreSearch: true }));
		if (cached) return cached;
		throw offline;
	}
}

/** A page shown is kept as last seen; one that now sends elsewhere (gone, not allowed) is not. */
async function keep(request: Request, response: Response) {
	const cache = await caches.open(PAGES);
	if (response.status === 200 && response.type === 'basic' && !response.redirected) {
		await cache.put(request, response.clone());
	} else {
		await cache.delete(request);
	}
}

/** A page reached inside the app came as data only: fetch the page too, unless already kept. */
async function keepPageOnce(url: URL) {
	const request = new Request(url, { credentials: 'same-origin' });
	const cache = await caches.open(PAGES);
	if (await cache.match(request)) return;
	try {
		await keep(request, await fetch(request));
	} catch {
		// Offline: the page stays as it was (kept or not).
	}
}

/** The page open when the worker first takes over was loaded before it: kept now. */
async function keepOpenPages() {
	const windows = await sw.clients.matchAll({ type: 'window' });
	for (const client of windows) {
		const url = new URL(client.url);
		if (url.origin !== sw.location.origin || !keptForOffline(url.pathname)) continue;
		const request = new Request(url, { credentials: 'same-origin' });
		try {
			await keep(request, await fetch(request));
		} catch {
			// Offline already: nothing to keep.
		}
	}
}

async function forgetPages() {
	await caches.delete(PAGES);
}
