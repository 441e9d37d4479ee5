import {
	RateLimiterMemory,
	RateLimiterRedis,
	type RateLimiterAbstract,
	type RateLimiterRes
} from 'rate-limiter-flexible';
import { LoginThrottle, type Reservation, type ThrottleKey } from './throttle';

/** A counter untouched this long starts again from zero (as the in-process throttle). */
const FORGET_AFTER_S = 60 * 60;
/** No practical limit: the failures limiter only counts; blocks live in their own limiter. */
const COUNT_ONLY = 1_000_000_000;

/** The Redis client `rate-limiter-flexible` is given (node-redis 5, from `createClient`). */
export type RedisStore = object;

/**
 * Login throttling shared by every instance through Redis (`rate-limiter-flexible`), with the
 * rules and the reserve/release contract of the in-process LoginThrottle (throttle.ts):
 * an attempt first counts one failure on each of its counters and is refused without hashing
 * while any of them is blocked; a success gives the failure back. Failures and blocks are two
 * limiters, so a block doubles from the count exactly as in-process. If Redis fails, each
 * instance falls back to its own memory (`insuranceLimiter`): sign-in keeps working, per
 * instance, as before this store existed.
 *
 * One Redis round trip separates the block check from the count, so attempts arriving at once
 * could each pass before the first block is written. This process's own LoginThrottle stands
 * in front, synchronous: it admits at most the rule's free attempts of a burst here, so a burst
 * spread over N instances costs at most N × free hashes, and one on a single instance `free`.
 */
export class SharedLoginThrottle {
	readonly #failures: RateLimiterAbstract;
	readonly #blocks: RateLimiterAbstract;
	readonly #local = new LoginThrottle();

	constructor(store: RedisStore | null, prefix = 'tavolo:login') {
		const memory = (keyPrefix: string, points: number, duration: number) =>
			new RateLimiterMemory({ keyPrefix, points, duration });
		const limiter = (keyPrefix: string, points: number, duration: number) =>
			store
				? new RateLimiterRedis({
						storeClient: store,
						useRedisPackage: true,
						keyPrefix,
						points,
						duration,
						insuranceLimiter: memory(keyPrefix, points, duration)
					})
				: memory(keyPrefix, points, duration);
		this.#failures = limiter(`${prefix}:failures`, COUNT_ONLY, FORGET_AFTER_S);
		this.#blocks = limiter(`${prefix}:blocks`, 1, 1);
	}

	async reserve(keys: readonly ThrottleKey[]): Promise<Reservation> {
		const here = this.#local.reserve(keys);
		if (!here.ok) return here;
		const blocks = await Promise.all(keys.map(({ key }) => this.#blocks.get(key)));
		const wait = Math.max(0, ...blocks.map(blockedFor));
		if (wait > 0) {
			// Refused, not tried: this process's count gets the attempt back.
			this.#local.release(keys, []);
			return { ok: false, retryAfterMs: wait };
		}
		const counts = await Promise.all(keys.map(({ key }) => this.#failures.consume(key)));
		await Promise.all(
			keys.map(({ key, rule }, index) => {
				const failures = counts[index].consumedPoints;
				if (failures < rule.free) return null;
				const doublings = Math.min(failures - rule.free, 30);
				const ms = Math.min(rule.baseMs * 2 ** doublings, rule.maxMs);
				return this.#blocks.block(key, Math.max(1, Math.ceil(ms / 1000)));
			})
		);
		return { ok: true };
	}

	/** After a correct password: `reset` keys start over, the others get the reservation back. */
	async release(keys: readonly ThrottleKey[], reset: readonly string[]): Promise<void> {
		this.#local.release(keys, reset);
		await Promise.all(
			keys.map(async ({ key, rule }) => {
				if (reset.includes(key)) {
					await Promise.all([this.#failures.delete(key), this.#blocks.delete(key)]);
					return;
				}
				const left = await this.#failures.reward(key);
				if (left.consumedPoints < rule.free) await this.#blocks.delete(key);
			})
		);
	}

	/** Milliseconds until `key` may try again (0: not blocked). */
	async waitFor(key: string): Promise<number> {
		return blockedFor(await this.#blocks.get(key));
	}
}

function blockedFor(res: RateLimiterRes | null): number {
	return res && res.consumedPoints > 1 ? res.msBeforeNext : 0;
}
