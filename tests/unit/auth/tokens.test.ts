import { describe, expect, it } from 'vitest';
import {
	generateSessionToken,
	isExpired,
	renewedExpiry,
	RENEW_WITHIN_MS,
	sessionIdFromToken,
	SESSION_LIFETIME_MS
} from '../../../src/lib/server/auth/session';
import { generateToken, hashToken, TOKEN_PATTERN } from '../../../src/lib/server/auth/token';

const DAY = 24 * 60 * 60 * 1000;

describe('session tokens', () => {
	it('carry at least 128 random bits', () => {
		const token = generateSessionToken();
		expect(token).toMatch(TOKEN_PATTERN);
		// base32: 5 bits per character
		expect(token.length * 5).toBeGreaterThanOrEqual(128);
	});

	it('never repeat', () => {
		const tokens = new Set(Array.from({ length: 5_000 }, () => generateToken()));
		expect(tokens.size).toBe(5_000);
	});

	it('are stored as a SHA-256 that differs from the token and is stable', () => {
		const token = generateSessionToken();
		const id = sessionIdFromToken(token);
		expect(id).toMatch(/^[0-9a-f]{64}$/);
		expect(id).not.toBe(token);
		expect(id).not.toContain(token);
		expect(sessionIdFromToken(token)).toBe(id);
		expect(hashToken(`${token}x`)).not.toBe(id);
	});
});

describe('session expiry', () => {
	const now = Date.UTC(2026, 10, 23, 9, 0);

	it('is not renewed while more than 15 days are left', () => {
		expect(renewedExpiry(new Date(now + 20 * DAY), now)).toBeNull();
		expect(renewedExpiry(new Date(now + RENEW_WITHIN_MS + 1), now)).toBeNull();
	});

	it('slides to a full 30 days when used in its last 15', () => {
		expect(renewedExpiry(new Date(now + RENEW_WITHIN_MS), now)).toEqual(
			new Date(now + SESSION_LIFETIME_MS)
		);
		expect(renewedExpiry(new Date(now + 1), now)).toEqual(new Date(now + SESSION_LIFETIME_MS));
	});

	it('is expired from its expiry instant on, and then never renewed', () => {
		expect(isExpired(new Date(now + 1), now)).toBe(false);
		expect(isExpired(new Date(now), now)).toBe(true);
		expect(renewedExpiry(new Date(now), now)).toBeNull();
		expect(renewedExpiry(new Date(now - DAY), now)).toBeNull();
	});
});
