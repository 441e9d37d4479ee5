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
}

export interface Admission {
	admit(req: IncomingMessage, res: ServerResponse, run: () => unknown): void;
	/** Requests in the handler now, and waiting: for tests and the logs. */
	readonly running: number;
	readonly waiting: number;
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

export function createAdmission({ limit, maxWaitMs }: AdmissionOptions): Admission {
	let running = 0;
	const queue: Waiting[] = [];

	function start(res: ServerResponse, run: () => unknown): void {
		running += 1;
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

	function forget(waiting: Waiting): void {
		const index = queue.indexOf(waiting);
		if (index >= 0) queue.splice(index, 1);
	}

	const gone = ({ req, res }: Waiting) => res.destroyed || req.socket.destroyed;

	const overdue = (waiting: Waiting, now: number) =>
		READS.has(waiting.req.method ?? 'GET') && now - waiting.at > maxWaitMs;

	function next(): void {
		while (running < limit && queue.length > 0) {
			const waiting = queue.shift()!;
			waiting.res.off('close', waiting.left);
			// A client that gave up is not always announced by 'close' (a socket that ended while
			// its request was still being read): its socket tells.
			if (gone(waiting)) continue;
			if (overdue(waiting, Date.now())) {
				busy(waiting.req, waiting.res);
				continue;
			}
			start(waiting.res, waiting.run);
		}
	}

	// A page is not left waiting past its time when nothing finishes meanwhile.
	const sweep = setInterval(() => {
		const now = Date.now();
		for (let i = queue.length - 1; i >= 0; i--) {
			const waiting = queue[i];
			if (overdue(waiting, now)) {
				queue.splice(i, 1);
				waiting.res.off('close', waiting.left);
				busy(waiting.req, waiting.res);
			}
		}
	}, 500);
	sweep.unref();

	return {
		admit(req, res, run) {
			if (BYPASS.test(req.url ?? '/')) run();
			else if (running < limit && queue.length === 0) start(res, run);
			else {
				// A client that leaves while waiting leaves the queue at once: no work is done for it.
				const waiting: Waiting = { req, res, run, at: Date.now(), left: () => forget(waiting) };
				res.once('close', waiting.left);
				queue.push(waiting);
			}
		},
		get running() {
			return running;
		},
		get waiting() {
			return queue.length;
		},
		close() {
			clearInterval(sweep);
		}
	};
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
