import { createHash } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** Bearer secrets (sessions, devices, invitations): 160 random bits, base32 (32 characters). */
export const TOKEN_BYTES = 20;
export const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

export function generateToken(): string {
	const bytes = new Uint8Array(TOKEN_BYTES);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/**
 * What the database keeps instead of the token: its SHA-256, hex. Node's native hash: every
 * request and every collaboration handshake pays it, and the JavaScript SHA-256 cost 0.1–0.7 ms
 * a call in a burst of handshakes (ADR 0213).
 */
export function hashToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}
