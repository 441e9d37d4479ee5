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
	 * Once the oldest waiting page has waited this long, the queue is standing (more work
	 * arrives than leaves) and the newest page goes first. Default: a third of `maxWaitMs`.
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
	/** Pages started newest first because the queue was standing. */
	newestFirst: number;
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
const BYPASS = /^\/(_app\/immutable\/|healthz(\?|$)|favicon|robots\.txt)/;
const RETRY_AFTER_SECONDS = 5;

export function createAdmission({
	limit,
	maxWaitMs,
	newestFirstAfterMs = maxWaitMs / 3,
	now = Date.now
}: AdmissionOptions): Admission {
	let running = 0;
	// Pages (GET, HEAD) and writes wait apart: a write is never turned away, so it must never be
	// left behind pages that keep arriving; each queue is in arrival order.
	const pages: Waiting[] = [];
	const writes: Waiting[] = [];
	const counts = { started: 0, left: 0, turnedAway: 0, newestFirst: 0 };

	function start(res: ServerResponse, run: () => unknown): void {
		running += 1;
		counts.started += 1;
		let released = false;
		const release = () => {
			if (released) return;
			released = true;
			running -= 1;
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
			counts.left += 1;
		}
	}

	const gone = ({ req, res }: Waiting) => res.destroyed || req.socket.destroyed;

	const overdue = (waiting: Waiting, at: number) => isRead(waiting) && at - waiting.at > maxWaitMs;

	/**
	 * Whose turn it is. Writes first, in arrival order. Pages in arrival order while the queue
	 * moves; once the oldest has waited `newestFirstAfterMs`, more pages arrive than leave and in
	 * arrival order every page would start as old as the queue is long: past the time its reader
	 * (or a client's timeout) waits, each would be rendered for nobody and the server would answer
	 * nothing while busy (issue 15: 0 pages a second at 200 users). The newest goes first then;
	 * the oldest wait for a quieter moment or their 503 at `maxWaitMs`.
	 */
	function take(at: number): Waiting | undefined {
		if (writes.length > 0) return writes.shift();
		if (pages.length === 0) return undefined;
		if (at - pages[0].at > newestFirstAfterMs) {
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
				counts.left += 1;
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
			if (gone(waiting)) counts.left += 1;
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
				...counts
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
