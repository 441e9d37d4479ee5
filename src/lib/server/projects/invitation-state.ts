/** The pure life of an invitation: usable once, for seven days. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export type InvitationState = 'valid' | 'expired' | 'used';

export function invitationExpiry(createdAt: number): Date {
	return new Date(createdAt + INVITATION_LIFETIME_MS);
}

export function invitationState(
	invitation: { expiresAt: Date; acceptedAt: Date | null },
	now: number
): InvitationState {
	if (invitation.acceptedAt) return 'used';
	return now >= invitation.expiresAt.getTime() ? 'expired' : 'valid';
}
