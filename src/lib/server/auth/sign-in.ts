import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { person } from '../db/schema';
import { ForbiddenError, TooManyRequestsError, UnauthorizedError } from '../errors';
import type { Actor } from '../access/policy';
import { TIMING_EQUALISER_HASH, verifyPassword, type PasswordVerifier } from './password';
import type { Session } from '../db/schema';
import { createSession, generateSessionToken } from './session';
import { loginKeys } from './login-keys';
import type { Throttle } from './throttle';
import { findTrustedDevice, trustDevice } from './trusted-device';

export interface SignInDeps {
	db: Db;
	throttle: Throttle;
	/** Injected so tests can count how many argon2 verifications an attack costs. */
	verify?: PasswordVerifier;
}

export interface Credentials {
	email: string;
	password: string;
	/** The client's address, for the per-IP counters. */
	ip: string;
	/** The device cookie, when this browser signed in before. */
	deviceToken?: string | null;
}

export interface SignedIn {
	actor: Actor;
	session: Session;
	token: string;
	/** A new device cookie, when this browser was not yet trusted for this person. */
	device: { token: string; expiresAt: Date } | null;
}

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

/**
 * Checks a password under the throttle and answers only "yes" or a generic "no", never which of
 * e-mail or password was wrong. Throttled attempts are refused before any hashing.
 */
export async function checkPassword(
	deps: SignInDeps,
	credentials: Credentials
): Promise<{ actor: Actor; deviceTrusted: boolean }> {
	const { db, throttle, verify = verifyPassword } = deps;
	const email = normaliseEmail(credentials.email);
	const device = await findTrustedDevice(db, credentials.deviceToken);
	const trusted = device !== null && normaliseEmail(device.email) === email;
	const { keys, resetOnSuccess } = loginKeys(email, credentials.ip, trusted ? device.id : null);

	const reservation = await throttle.reserve(keys);
	if (!reservation.ok) {
		throw new TooManyRequestsError('login_throttled', Math.ceil(reservation.retryAfterMs / 1000));
	}
	const [found] = await db
		.select({
			id: person.id,
			name: person.name,
			email: person.email,
			isAdmin: person.isAdmin,
			passwordHash: person.passwordHash,
			deactivatedAt: person.deactivatedAt
		})
		.from(person)
		.where(eq(sql`lower(${person.email})`, email))
		.limit(1);
	const matches = await verify(found?.passwordHash ?? TIMING_EQUALISER_HASH, credentials.password);
	if (!found?.passwordHash || !matches) throw new UnauthorizedError('login_failed');

	await throttle.release(keys, resetOnSuccess);
	// Said only after the right password: a guesser learns nothing about the account.
	if (found.deactivatedAt) throw new ForbiddenError('account_deactivated');
	const actor = { id: found.id, name: found.name, email: found.email, isAdmin: found.isAdmin };
	return { actor, deviceTrusted: trusted };
}

/** A correct password opens a brand-new session (a token chosen before sign-in is never reused). */
export async function signIn(deps: SignInDeps, credentials: Credentials): Promise<SignedIn> {
	const { actor, deviceTrusted } = await checkPassword(deps, credentials);
	return { actor, ...(await openSession(deps.db, actor.id, { deviceTrusted })) };
}

export type OpenedSession = Omit<SignedIn, 'actor'>;

/** A new session (and, unless this browser is trusted already, a device cookie) for a person. */
export async function openSession(
	db: Db,
	personId: string,
	{ deviceTrusted = false } = {}
): Promise<OpenedSession> {
	const token = generateSessionToken();
	const session = await createSession(db, token, personId);
	const device = deviceTrusted ? null : await trustDevice(db, personId);
	return { session, token, device };
}
