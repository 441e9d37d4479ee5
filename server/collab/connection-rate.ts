import type { IncomingMessage } from 'node:http';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';

/** Handshakes per second one address may sustain, and the burst above it (a page of tabs). */
const RATE_PER_SECOND = 10;
const BURST = 60;
/** Addresses silent this long are forgotten, so the table stays small. */
const FORGET_AFTER_MS = 60_000;

/**
 * Per-address limit on WebSocket handshakes, checked before the cookie or the database are
 * touched: one address cannot make the server validate sessions in a tight loop. Behind a
 * reverse proxy on this machine or the private network (docs/deploy.md) the address is the
 * last hop the proxy appended to X-Forwarded-For; from anywhere else the header is ignored,
 * so a client cannot pick its own address. With `shared` (the runtime's handshake limiter, in
 * Redis with REDIS_URL) an address is also limited across every instance: this process's bucket
 * answers first, without a round trip, and only what it lets through is counted in Redis.
 */
export function createConnectionRate(
	now: () => number = Date.now,
	shared: RateLimiterAbstract | null = null
) {
	const buckets = new Map<string, { tokens: number; at: number }>();
	let swept = now();

	function sweep(time: number): void {
		if (time - swept < FORGET_AFTER_MS) return;
		swept = time;
		for (const [address, bucket] of buckets) {
			if (time - bucket.at > FORGET_AFTER_MS) buckets.delete(address);
		}
	}

	function allowHere(address: string): boolean {
		const time = now();
		sweep(time);
		const bucket = buckets.get(address) ?? { tokens: BURST, at: time };
		bucket.tokens = Math.min(BURST, bucket.tokens + ((time - bucket.at) / 1000) * RATE_PER_SECOND);
		bucket.at = time;
		buckets.set(address, bucket);
		if (bucket.tokens < 1) return false;
		bucket.tokens -= 1;
		return true;
	}

	return {
		async allow(req: IncomingMessage): Promise<boolean> {
			const address = clientAddress(req);
			// This machine itself, not through a proxy: scripts, health checks, tests.
			if (address === 'local') return true;
			if (!allowHere(address)) return false;
			if (!shared) return true;
			return shared.consume(address).then(
				() => true,
				(rejection: unknown) => rejection instanceof Error // a store error: let it in
			);
		}
	};
}

const PRIVATE = /^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|::1$|::ffff:127\.|fc|fd)/;

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/** The client's address, or `local` for a connection from this machine that no proxy relayed. */
export function clientAddress(req: IncomingMessage): string {
	const peer = req.socket.remoteAddress ?? 'unknown';
	const forwarded = req.headers['x-forwarded-for'];
	if (typeof forwarded !== 'string') return LOOPBACK.test(peer) ? 'local' : peer;
	if (!PRIVATE.test(peer)) return peer;
	const hops = forwarded
		.split(',')
		.map((hop) => hop.trim())
		.filter(Boolean);
	return hops.at(-1) ?? peer;
}
