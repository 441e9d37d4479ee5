/**
 * Login throttling, checked before any password hash is computed: an attempt first reserves one
 * failure on every counter it belongs to, and is refused without hashing while any of them is
 * blocked. A success gives the reservation back. Reserving before hashing is what bounds the
 * argon2 work even when a thousand guesses arrive at once.
 *
 * Counters live in this process's memory (see docs/adr/0021-login-throttling.md); with
 * REDIS_URL, SharedLoginThrottle (shared-throttle.ts) keeps them in Redis for every instance.
 */
export interface ThrottleRule {
	/** Failures allowed before the first block. */
	free: number;
	/** First block; each further failure doubles it. */
	baseMs: number;
	maxMs: number;
}

export interface ThrottleKey {
	key: string;
	rule: ThrottleRule;
}

interface Counter {
	failures: number;
	blockedUntil: number;
	lastAt: number;
}

export type Reservation = { ok: true } | { ok: false; retryAfterMs: number };

/** What sign-in needs of a throttle: this process's LoginThrottle or the shared one. */
export interface Throttle {
	reserve(keys: readonly ThrottleKey[]): Reservation | Promise<Reservation>;
	release(keys: readonly ThrottleKey[], reset: readonly string[]): void | Promise<void>;
}

export interface ThrottleOptions {
	now?: () => number;
	/** A counter untouched this long starts again from zero. */
	forgetAfterMs?: number;
	/** Memory bound: the least recently used counters are dropped beyond this. */
	maxCounters?: number;
}

export class LoginThrottle {
	readonly #counters = new Map<string, Counter>();
	readonly #now: () => number;
	readonly #forgetAfterMs: number;
	readonly #maxCounters: number;

	constructor(options: ThrottleOptions = {}) {
		this.#now = options.now ?? Date.now;
		this.#forgetAfterMs = options.forgetAfterMs ?? 60 * 60 * 1000;
		this.#maxCounters = options.maxCounters ?? 100_000;
	}

	/** Synchronous on purpose: check-and-count cannot interleave with another attempt. */
	reserve(keys: readonly ThrottleKey[]): Reservation {
		const now = this.#now();
		const counters = keys.map(({ key }) => this.#current(key, now));
		const wait = Math.max(0, ...counters.map((counter) => counter.blockedUntil - now));
		if (wait > 0) return { ok: false, retryAfterMs: wait };
		keys.forEach(({ key, rule }, index) => {
			const counter = counters[index];
			counter.failures += 1;
			counter.lastAt = now;
			if (counter.failures >= rule.free) {
				const doublings = Math.min(counter.failures - rule.free, 30);
				counter.blockedUntil = now + Math.min(rule.baseMs * 2 ** doublings, rule.maxMs);
			}
			this.#store(key, counter);
		});
		return { ok: true };
	}

	/** After a correct password: `reset` keys start over, the others get the reservation back. */
	release(keys: readonly ThrottleKey[], reset: readonly string[]): void {
		const now = this.#now();
		for (const { key, rule } of keys) {
			if (reset.includes(key)) {
				this.#counters.delete(key);
				continue;
			}
			const counter = this.#current(key, now);
			counter.failures = Math.max(0, counter.failures - 1);
			if (counter.failures < rule.free) counter.blockedUntil = 0;
			this.#store(key, counter);
		}
	}

	/** Milliseconds until `key` may try again (0: not blocked). */
	waitFor(key: string): number {
		const counter = this.#counters.get(key);
		return counter ? Math.max(0, counter.blockedUntil - this.#now()) : 0;
	}

	#current(key: string, now: number): Counter {
		const found = this.#counters.get(key);
		const forgotten =
			found && now >= found.blockedUntil && now - found.lastAt >= this.#forgetAfterMs;
		return found && !forgotten ? found : { failures: 0, blockedUntil: 0, lastAt: now };
	}

	#store(key: string, counter: Counter): void {
		// Re-inserting keeps the Map in least-recently-used order for the eviction below.
		this.#counters.delete(key);
		this.#counters.set(key, counter);
		for (const oldest of this.#counters.keys()) {
			if (this.#counters.size <= this.#maxCounters) break;
			this.#counters.delete(oldest);
		}
	}
}

const SHARED = Symbol.for('tavolo.loginThrottle');

/**
 * One throttle per process, shared by the sign-in page, the JSON endpoint and /account: this
 * process's counters, unless the runtime installed the Redis-backed one (REDIS_URL).
 */
export function sharedLoginThrottle(): Throttle {
	const holder = globalThis as { [SHARED]?: Throttle };
	return (holder[SHARED] ??= new LoginThrottle());
}

/** Installed by the runtime at start (the shared store), or cleared at stop (null). */
export function installLoginThrottle(throttle: Throttle | null): void {
	const holder = globalThis as { [SHARED]?: Throttle };
	if (throttle) holder[SHARED] = throttle;
	else delete holder[SHARED];
}
