import { describe, expect, it } from 'vitest';
import { LoginThrottle, type ThrottleKey } from '../../../src/lib/server/auth/throttle';
import { addressBucket, loginKeys, LOGIN_RULES } from '../../../src/lib/server/auth/login-keys';

const rule = { free: 3, baseMs: 1_000, maxMs: 8_000 };

function clock(start = 1_000_000) {
	let now = start;
	return { now: () => now, advance: (ms: number) => (now += ms) };
}

const key = (name: string): ThrottleKey => ({ key: name, rule });

describe('LoginThrottle', () => {
	it('allows the free attempts, then refuses without counting further', () => {
		const time = clock();
		const throttle = new LoginThrottle({ now: time.now });
		expect([1, 2, 3].map(() => throttle.reserve([key('a')]).ok)).toEqual([true, true, true]);
		expect(throttle.reserve([key('a')])).toEqual({ ok: false, retryAfterMs: 1_000 });
		expect(throttle.reserve([key('a')])).toEqual({ ok: false, retryAfterMs: 1_000 });
	});

	it('doubles the wait after each further failure, up to the ceiling', () => {
		const time = clock();
		const throttle = new LoginThrottle({ now: time.now });
		for (let i = 0; i < 3; i++) throttle.reserve([key('a')]);
		const waits: number[] = [];
		for (let i = 0; i < 5; i++) {
			const refused = throttle.reserve([key('a')]);
			waits.push(refused.ok ? 0 : refused.retryAfterMs);
			time.advance(waits[i]);
			expect(throttle.reserve([key('a')]).ok).toBe(true);
		}
		expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
	});

	it('refuses when any one of the keys is blocked, and then counts none of them', () => {
		const throttle = new LoginThrottle({ now: clock().now });
		for (let i = 0; i < 3; i++) throttle.reserve([key('blocked')]);
		expect(throttle.reserve([key('fresh'), key('blocked')]).ok).toBe(false);
		expect(throttle.waitFor('fresh')).toBe(0);
		// "fresh" still has all its free attempts.
		expect([1, 2, 3].map(() => throttle.reserve([key('fresh')]).ok)).toEqual([true, true, true]);
	});

	it('starts a key over after a success and gives the attempt back to the others', () => {
		const throttle = new LoginThrottle({ now: clock().now });
		throttle.reserve([key('mine'), key('shared')]);
		throttle.reserve([key('mine'), key('shared')]);
		throttle.reserve([key('mine'), key('shared')]); // the third: both now blocked
		throttle.release([key('mine'), key('shared')], ['mine']);
		expect(throttle.waitFor('mine')).toBe(0);
		expect(throttle.waitFor('shared')).toBe(0); // back under the free limit
		expect(throttle.reserve([key('shared')]).ok).toBe(true);
		expect(throttle.reserve([key('shared')]).ok).toBe(false);
	});

	it('forgets a quiet key after the forgetting period', () => {
		const time = clock();
		const throttle = new LoginThrottle({ now: time.now, forgetAfterMs: 60_000 });
		for (let i = 0; i < 3; i++) throttle.reserve([key('a')]);
		time.advance(60_000);
		expect([1, 2, 3].map(() => throttle.reserve([key('a')]).ok)).toEqual([true, true, true]);
	});

	it('keeps its memory bounded by dropping the least recently used keys', () => {
		const throttle = new LoginThrottle({ now: clock().now, maxCounters: 100 });
		for (let i = 0; i < 3; i++) throttle.reserve([key('old')]);
		for (let i = 0; i < 100; i++) throttle.reserve([key(`k${i}`)]);
		expect(throttle.waitFor('old')).toBe(0);
		expect(throttle.waitFor('k99')).toBe(0);
	});
});

describe('login keys', () => {
	it('counts a trusted device on its own', () => {
		const { keys, resetOnSuccess } = loginKeys('a@b.it', '10.0.0.1', 'dev');
		expect(keys).toEqual([{ key: 'device:dev', rule: LOGIN_RULES.device }]);
		expect(resetOnSuccess).toEqual(['device:dev']);
	});

	it('counts an unknown browser per account and address, per account, and per address', () => {
		const { keys, resetOnSuccess } = loginKeys('a@b.it', '10.0.0.1', null);
		expect(keys.map((k) => k.key)).toEqual([
			'account-address:a@b.it|10.0.0.1',
			'account:a@b.it',
			'address:10.0.0.1'
		]);
		expect(resetOnSuccess).toEqual(['account-address:a@b.it|10.0.0.1']);
	});

	it('groups IPv6 clients by their /64 and unwraps IPv4-mapped addresses', () => {
		expect(addressBucket('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
		expect(addressBucket('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
		expect(addressBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
		expect(addressBucket('::1')).toBe('0:0:0:0::/64');
		expect(addressBucket('::ffff:192.0.2.7')).toBe('192.0.2.7');
		expect(addressBucket('192.0.2.7')).toBe('192.0.2.7');
	});
});
