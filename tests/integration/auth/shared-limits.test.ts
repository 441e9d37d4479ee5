import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, describe, expect, it } from 'vitest';
import { LOGIN_RULES } from '../../../src/lib/server/auth/login-keys';
import { SharedLoginThrottle } from '../../../src/lib/server/auth/shared-throttle';
import { HANDSHAKES, openSharedLimits } from '../../../src/lib/server/shared-limits';

/**
 * Login throttling and the handshake limit through `rate-limiter-flexible`: in memory here,
 * and on real Redis when REDIS_URL is set, where two instances (two clients, one prefix) share
 * their counters.
 */
const redisUrl = process.env.REDIS_URL;
const rule = LOGIN_RULES.accountFromAddress;
const keyOf = (key: string) => [{ key, rule }];
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const close of cleanup) await close();
});

async function redisClient() {
	const client = createClient({ url: redisUrl });
	await client.connect();
	cleanup.push(async () => void client.destroy());
	return client;
}

describe('the login throttle on rate-limiter-flexible', () => {
	it('lets the free failures through, then refuses without counting, for a while', async () => {
		const throttle = new SharedLoginThrottle(null, `test:${randomUUID()}`);
		const keys = keyOf('account:a@example.it|203.0.113.1');
		for (let i = 0; i < rule.free; i++) expect(await throttle.reserve(keys)).toEqual({ ok: true });
		const refused = await throttle.reserve(keys);
		expect(refused.ok).toBe(false);
		expect(refused.ok === false && refused.retryAfterMs).toBeGreaterThan(0);
		expect(refused.ok === false && refused.retryAfterMs).toBeLessThanOrEqual(rule.baseMs);
	});

	it('gives a success its reservation back and resets the keys it names', async () => {
		const throttle = new SharedLoginThrottle(null, `test:${randomUUID()}`);
		const keys = [...keyOf('kept'), ...keyOf('reset')];
		for (let i = 0; i < rule.free - 1; i++) await throttle.reserve(keys);
		await throttle.reserve(keys);
		await throttle.release(keys, ['reset']);
		expect(await throttle.waitFor('kept')).toBe(0);
		expect(await throttle.waitFor('reset')).toBe(0);
		// "kept" is one failure short of its block again; "reset" starts over.
		await throttle.reserve(keys);
		expect(await throttle.waitFor('kept')).toBeGreaterThan(0);
	});

	it.runIf(Boolean(redisUrl))(
		'shares failures between two instances through Redis: the second refuses',
		async () => {
			const prefix = `test:${randomUUID()}`;
			const first = new SharedLoginThrottle(await redisClient(), prefix);
			const second = new SharedLoginThrottle(await redisClient(), prefix);
			const keys = keyOf('account:b@example.it');
			for (let i = 0; i < rule.free; i++) expect(await first.reserve(keys)).toEqual({ ok: true });
			expect((await second.reserve(keys)).ok).toBe(false);
			expect(await second.waitFor('account:b@example.it')).toBeGreaterThan(0);
		}
	);

	it.runIf(Boolean(redisUrl))(
		'bounds a burst of 1,000 attempts on two instances to their free attempts each',
		async () => {
			const prefix = `test:${randomUUID()}`;
			const instances = [
				new SharedLoginThrottle(await redisClient(), prefix),
				new SharedLoginThrottle(await redisClient(), prefix)
			];
			const keys = keyOf('account:c@example.it');
			const answers = await Promise.all(
				Array.from({ length: 1_000 }, (_, i) => instances[i % 2].reserve(keys))
			);
			const tried = answers.filter((answer) => answer.ok).length;
			expect(tried).toBeGreaterThanOrEqual(rule.free);
			expect(tried).toBeLessThanOrEqual(2 * rule.free);
		}
	);
});

describe('the handshake limit on rate-limiter-flexible', () => {
	it('refuses an address beyond its handshakes, in memory without Redis', async () => {
		const limits = openSharedLimits(undefined, `test:${randomUUID()}:`);
		cleanup.push(() => limits.close());
		expect(limits.shared).toBe(false);
		for (let i = 0; i < HANDSHAKES.points; i++) await limits.handshakes.consume('203.0.113.9');
		await expect(limits.handshakes.consume('203.0.113.9')).rejects.toMatchObject({
			remainingPoints: 0
		});
		await expect(limits.handshakes.consume('198.51.100.1')).resolves.toMatchObject({
			remainingPoints: HANDSHAKES.points - 1
		});
	});

	it.runIf(Boolean(redisUrl))('counts an address across two instances sharing Redis', async () => {
		const prefix = `test:${randomUUID()}:`;
		const first = openSharedLimits(redisUrl, prefix);
		const second = openSharedLimits(redisUrl, prefix);
		cleanup.push(
			() => first.close(),
			() => second.close()
		);
		expect(first.shared).toBe(true);
		// Wait until both clients are connected, so neither answers from its memory insurance.
		const probe = await redisClient();
		await probe.ping();
		for (let i = 0; i < HANDSHAKES.points / 2; i++) {
			await first.handshakes.consume('203.0.113.10');
			await second.handshakes.consume('203.0.113.10');
		}
		await expect(second.handshakes.consume('203.0.113.10')).rejects.toMatchObject({
			remainingPoints: 0
		});
		expect(Number(await probe.get(`${prefix}handshakes:203.0.113.10`))).toBe(HANDSHAKES.points + 1);
	});
});
