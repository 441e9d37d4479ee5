import { createClient } from 'redis';
import {
	RateLimiterMemory,
	RateLimiterRedis,
	type RateLimiterAbstract
} from 'rate-limiter-flexible';
import { SharedLoginThrottle } from './auth/shared-throttle';
import { installLoginThrottle } from './auth/throttle';
import { logger } from './log/logger';

/** Handshakes one address may open across all instances: 60 per 6 s (10/s, a page of tabs). */
export const HANDSHAKES = { points: 60, durationS: 6 } as const;

/**
 * Limits shared by every instance (issue 15): login throttling and the WebSocket handshake
 * limit, in Redis through `rate-limiter-flexible` when REDIS_URL is set. Without it the login
 * throttle is this process's own (throttle.ts) and the handshake limit a memory limiter. If
 * Redis is unreachable, each limiter falls back to memory (its `insuranceLimiter`) until it
 * returns: limits become per instance again, nothing is refused for want of Redis.
 */
export interface SharedLimits {
	/** Whether the limits are shared through Redis. */
	shared: boolean;
	/** Handshakes per address: consume one per upgrade; a rejection means 429. */
	handshakes: RateLimiterAbstract;
	/** Resolves once Redis answers (at once without it); limits work before, from memory. */
	ready: Promise<void>;
	close(): Promise<void>;
}

export function openSharedLimits(redisUrl: string | undefined, prefix = 'tavolo:'): SharedLimits {
	const memoryHandshakes = () =>
		new RateLimiterMemory({
			keyPrefix: `${prefix}handshakes`,
			points: HANDSHAKES.points,
			duration: HANDSHAKES.durationS
		});
	if (!redisUrl) {
		installLoginThrottle(null);
		return {
			shared: false,
			handshakes: memoryHandshakes(),
			ready: Promise.resolve(),
			close: async () => {}
		};
	}
	const client = createClient({
		url: redisUrl,
		// Commands fail at once while Redis is away, so the memory insurance answers instead.
		disableOfflineQueue: true,
		socket: { reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2_000) }
	});
	client.on('error', (error: unknown) => logger.warn({ err: error }, 'redis limits error'));
	const ready = client.connect().then(
		() => undefined,
		(error: unknown) => logger.warn({ err: error }, 'redis limits')
	);
	installLoginThrottle(new SharedLoginThrottle(client, `${prefix}login`));
	return {
		shared: true,
		ready,
		handshakes: new RateLimiterRedis({
			storeClient: client,
			useRedisPackage: true,
			keyPrefix: `${prefix}handshakes`,
			points: HANDSHAKES.points,
			duration: HANDSHAKES.durationS,
			insuranceLimiter: memoryHandshakes()
		}),
		async close() {
			installLoginThrottle(null);
			client.destroy();
		}
	};
}
