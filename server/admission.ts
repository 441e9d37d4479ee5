import type { IncomingMessage, ServerResponse } from 'node:http';
import { m } from '$lib/paraglide/messages';
import { extractLocaleFromRequest } from '$lib/paraglide/runtime';

/**
 * Admission to the page handler (issue 15). Under a burst, every request that starts a page
 * shares one database and one event loop with all the others, so each takes longer the more
 * there are; people give up, reload, and their abandoned pages go on costing as much as live
 * ones. Measured with `npm run bench:http`: once past its capacity the server never came back,
 * not even for `/healthz`. So at most `limit` requests are in the handler at once; the others
 * wait in arrival order, a waiting request whose client has gone is dropped before any work
 * is done, and a page (GET) that waited `maxWaitMs` is told to come back (503 with Retry-After,
 * a page that reloads itself) in the reader's language instead of spinning until the browser
 * gives up. A form or any other write waits as long as it takes: what a person typed is never
 * turned away.
 *
 * Static assets and `/healthz` go straight through: they cost nothing, and a load balancer
 * must see a busy instance as alive.
 */
export interface AdmissionOptions {
	/** Requests in the handler at once. */
	limit: number;
	/** How long a page (GET, HEAD) may wait for its turn before it is answered 503. */
	maxWaitMs: number;
	/**
	 * Once the oldest waiting page has waited this long, the newest page goes first, even if no
	 * waiting client was seen to give up. Default: `maxWaitMs` (never, before the 503).
	 */
	newestFirstAfterMs?: number;
	/** The clock (tests). */
	now?: () => number;
}

/** What the gate did since it started, and what it holds now: for the logs and tests. */
export interface AdmissionStats {
	running: number;
	waiting: number;
	/** How long the oldest waiting page has waited, ms (0 when none waits). */
	oldestWaitMs: number;
	/** Requests started in the handler. */
	started: number;
	/** Waiting requests whose client left before their turn. */
	left: number;
	/** Pages answered 503 after `maxWaitMs`. */
	turnedAway: number;
	/** Pages started newest first because the oldest would not be waited for. */
	newestFirst: number;
	/** How long waiting clients recently waited before they gave up (median), ms; null: too few. */
	patienceMs: number | null;
	/** How long a request recently held its slot (moving average), ms. */
	serviceMs: number;
}

export interface Admission {
	admit(req: IncomingMessage, res: ServerResponse, run: () => unknown): void;
	/** Requests in the handler now, and waiting: for tests and the logs. */
	readonly running: number;
	readonly waiting: number;
	stats(): AdmissionStats;
	close(): void;
}

interface Waiting {
	req: IncomingMessage;
	res: ServerResponse;
	run: () => unknown;
	at: number;
	left: () => void;
}

const READS = new Set(['GET', 'HEAD']);
/** Departures remembered, and for how long, to learn how long clients wait. */
const DEPARTURES_KEPT = 64;
const DEPARTURES_WINDOW_MS = 60_000;
/** Fewer recent departures than this teach nothing: one impatient reader is not a crowd. */
const DEPARTURES_NEEDED = 8;
/** Below this the oldest page has hardly waited: arrival order, whatever was learned. */
const STANDING_MS = 1_000;
const BYPASS = /^\/(_app\/immutable\/|healthz(\?|$)|favicon|robots\.txt)/;
const RETRY_AFTER_SECONDS = 5;

export function createAdmission({
	limit,
	maxWaitMs,
	newestFirstAfterMs = maxWaitMs,
	now = Date.now
}: AdmissionOptions): Admission {
	let running = 0;
	// Pages (GET, HEAD) and writes wait apart: a write is never turned away, so it must never be
	// left behind pages that keep arriving; each queue is in arrival order.
	const pages: Waiting[] = [];
	const writes: Waiting[] = [];
	const counts = { started: 0, left: 0, turnedAway: 0, newestFirst: 0 };
	/** When recent waiting clients gave up, and after how long. */
	const departures: { at: number; waited: number }[] = [];
	let serviceMs = 0;

	function departed(waiting: Waiting, at: number): void {
		counts.left += 1;
		departures.push({ at, waited: at - waiting.at });
		if (departures.length > DEPARTURES_KEPT) departures.shift();
	}

	/** The median wait after which recent waiting clients gave up; null when too few did. */
	function patience(at: number): number | null {
		const recent = departures
			.filter((departure) => at - departure.at <= DEPARTURES_WINDOW_MS)
			.map((departure) => departure.waited)
			.sort((a, b) => a - b);
		return recent.length < DEPARTURES_NEEDED ? null : recent[Math.floor(recent.length / 2)];
	}

	function start(res: ServerResponse, run: () => unknown): void {
		running += 1;
		counts.started += 1;
		const startedAt = now();
		let released = false;
		const release = () => {
			if (released) return;
			released = true;
			running -= 1;
			const held = now() - startedAt;
			serviceMs = serviceMs === 0 ? held : 0.8 * serviceMs + 0.2 * held;
			next();
		};
		// The slot is free when the work is over, not when the client leaves: an abandoned page
		// still holds the database until it finishes. Each page starts on a turn of its own: on
		// PGlite a query answers through promises only, so pages started from a finishing one
		// would chain as microtasks and hold the loop — sockets, `/healthz` — for the whole queue
		// (measured: 1.2 s stalls every 1.3 s under 50 users).
		new Promise((resolve) => setImmediate(resolve))
			.then(run)
			.then(
				() => (res.writableFinished || res.destroyed ? release() : res.once('close', release)),
				release
			);
	}

	const queueOf = (waiting: Waiting) => (isRead(waiting) ? pages : writes);

	function forget(waiting: Waiting): void {
		const queue = queueOf(waiting);
		const index = queue.indexOf(waiting);
		if (index >= 0) {
			queue.splice(index, 1);
			departed(waiting, now());
		}
	}

	const gone = ({ req, res }: Waiting) => res.destroyed || req.socket.destroyed;

	const overdue = (waiting: Waiting, at: number) => isRead(waiting) && at - waiting.at > maxWaitMs;

	/**
	 * Whether the oldest waiting page would be started for nobody: its reader has waited longer
	 * than waiting readers recently did before giving up, counting the time its page takes. In
	 * arrival order such a queue starts only pages that are about to be abandoned — each reader
	 * leaves while its page is rendered, asks again at the back, and the server, busy the whole
	 * time, answers no one (issue 15: 0 pages a second at 200 users, 25 at 50).
	 */
	function standing(at: number): boolean {
		const oldest = at - pages[0].at;
		if (oldest > newestFirstAfterMs) return true;
		if (oldest < STANDING_MS) return false;
		const waited = patience(at);
		return waited !== null && oldest + serviceMs > waited;
	}

	/**
	 * Whose turn it is. Writes first, in arrival order. Pages in arrival order, unless the queue
	 * stands: then the newest, whose reader is surely still there; the oldest wait for a quieter
	 * moment, or their 503 at `maxWaitMs`.
	 */
	function take(at: number): Waiting | undefined {
		if (writes.length > 0) return writes.shift();
		if (pages.length === 0) return undefined;
		if (standing(at)) {
			counts.newestFirst += 1;
			return pages.pop();
		}
		return pages.shift();
	}

	function next(): void {
		while (running < limit) {
			const at = now();
			const waiting = take(at);
			if (!waiting) return;
			waiting.res.off('close', waiting.left);
			// A client that gave up is not always announced by 'close' (a socket that ended while
			// its request was still being read): its socket tells.
			if (gone(waiting)) {
				departed(waiting, at);
				continue;
			}
			if (overdue(waiting, at)) {
				turnAway(waiting);
				continue;
			}
			start(waiting.res, waiting.run);
		}
	}

	function turnAway(waiting: Waiting): void {
		counts.turnedAway += 1;
		busy(waiting.req, waiting.res);
	}

	// A page is not left waiting past its time when nothing finishes meanwhile. Pages wait in
	// arrival order, so the overdue ones are at the front.
	const sweep = setInterval(() => {
		const at = now();
		while (pages.length > 0 && overdue(pages[0], at)) {
			const waiting = pages.shift()!;
			waiting.res.off('close', waiting.left);
			if (gone(waiting)) departed(waiting, at);
			else turnAway(waiting);
		}
	}, 500);
	sweep.unref();

	return {
		admit(req, res, run) {
			if (BYPASS.test(req.url ?? '/')) run();
			else if (running < limit && pages.length === 0 && writes.length === 0) start(res, run);
			else {
				// A client that leaves while waiting leaves the queue at once: no work is done for it.
				const waiting: Waiting = { req, res, run, at: now(), left: () => forget(waiting) };
				res.once('close', waiting.left);
				queueOf(waiting).push(waiting);
			}
		},
		get running() {
			return running;
		},
		get waiting() {
			return pages.length + writes.length;
		},
		stats() {
			return {
				running,
				waiting: pages.length + writes.length,
				oldestWaitMs: pages.length > 0 ? now() - pages[0].at : 0,
				...counts,
				patienceMs: patience(now()),
				serviceMs: Math.round(serviceMs)
			};
		},
		close() {
			clearInterval(sweep);
		}
	};
}

function isRead({ req }: { req: IncomingMessage }): boolean {
	return READS.has(req.method ?? 'GET');
}

/** 503 with a short page in the reader's language (cookie or Accept-Language, as the app). */
function busy(req: IncomingMessage, res: ServerResponse): void {
	const headers = new Headers();
	for (const name of ['cookie', 'accept-language']) {
		const value = req.headers[name];
		if (typeof value === 'string') headers.set(name, value);
	}
	const locale = extractLocaleFromRequest(new Request('http://tavolo.invalid/', { headers }));
	const text = m.error_server_busy({}, { locale });
	res.writeHead(503, {
		'content-type': 'text/html; charset=utf-8',
		'retry-after': String(RETRY_AFTER_SECONDS),
		'cache-control': 'no-store'
	});
	res.end(
		`<!doctype html><html lang="${locale}"><meta charset="utf-8"><title>Tavolo</title>` +
			`<meta name="viewport" content="width=device-width">` +
			`<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}"><p>${text}</p></html>`
	);
}
