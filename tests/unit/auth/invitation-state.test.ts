import { describe, expect, it } from 'vitest';
import {
	INVITATION_LIFETIME_MS,
	invitationExpiry,
	invitationState
} from '../../../src/lib/server/projects/invitation-state';

describe('invitation life', () => {
	const created = Date.UTC(2026, 10, 1, 12, 0);
	const expiresAt = invitationExpiry(created);

	it('lasts exactly seven days', () => {
		expect(INVITATION_LIFETIME_MS).toBe(7 * 24 * 60 * 60 * 1000);
		expect(expiresAt.getTime() - created).toBe(INVITATION_LIFETIME_MS);
	});

	it('is valid until its expiry, expired from then on', () => {
		expect(invitationState({ expiresAt, acceptedAt: null }, created)).toBe('valid');
		expect(invitationState({ expiresAt, acceptedAt: null }, expiresAt.getTime() - 1)).toBe('valid');
		expect(invitationState({ expiresAt, acceptedAt: null }, expiresAt.getTime())).toBe('expired');
	});

	it('is used once accepted, even before it would have expired', () => {
		expect(invitationState({ expiresAt, acceptedAt: new Date(created) }, created + 1)).toBe('used');
		expect(
			invitationState({ expiresAt, acceptedAt: new Date(created) }, expiresAt.getTime() + 1)
		).toBe('used');
	});
});
