import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { person, session, type Session } from '../db/schema';
import type { Actor } from '../access/policy';
import { generateToken, hashToken, TOKEN_PATTERN } from './token';

export const SESSION_COOKIE = 'tavolo_session';
const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
/** Sliding expiry: a session used in its last 15 days is extended to a full 30 again. */
export const RENEW_WITHIN_MS = 15 * DAY_MS;

/** 160 random bits, base32: the token lives only in the cookie. */
export function generateSessionToken(): string {
	return generateToken();
}

/**
 * The database keeps only the SHA-256 of the token: a stolen table opens no session. Looking a
 * session up by this hash leaks nothing through timing: an attacker cannot steer the bytes of a
 * SHA-256 digest, so no separate constant-time comparison is needed (the Lucia guide's argument).
 */
export function sessionIdFromToken(token: string): string {
	return hashToken(token);
}

export async function createSession(
	db: Db,
	token: string,
	personId: string,
	now = Date.now()
): Promise<Session> {
	const row = {
		id: sessionIdFromToken(token),
		personId,
		expiresAt: new Date(now + SESSION_LIFETIME_MS)
	};
	const [created] = await db.insert(session).values(row).returning();
	return created;
}

export interface ValidSession {
	session: Session;
	actor: Actor;
}

/** Sliding expiry, as a pure rule: the new expiry when a session used at `now` must be extended. */
export function renewedExpiry(expiresAt: Date, now: number): Date | null {
	if (now >= expiresAt.getTime()) return null;
	return now >= expiresAt.getTime() - RENEW_WITHIN_MS ? new Date(now + SESSION_LIFETIME_MS) : null;
}

export function isExpired(expiresAt: Date, now: number): boolean {
	return now >= expiresAt.getTime();
}

function prepareSessionLookup(db: Db) {
	return db
		.select({
			session,
			actor: { id: person.id, name: person.name, email: person.email, isAdmin: person.isAdmin },
			deactivatedAt: person.deactivatedAt
		})
		.from(session)
		.innerJoin(person, eq(session.personId, person.id))
		.where(eq(session.id, sql.placeholder('id')))
		.limit(1)
		.prepare('tavolo_session_lookup');
}

const lookups = new WeakMap<Db, ReturnType<typeof prepareSessionLookup>>();

/**
 * Every request and every collaboration handshake looks its session up: the statement is built
 * once per database, not by drizzle's query builder at each call (about half a millisecond of
 * the event loop per handshake in a burst, ADR 0213).
 */
function sessionLookup(db: Db): ReturnType<typeof prepareSessionLookup> {
	let lookup = lookups.get(db);
	if (!lookup) lookups.set(db, (lookup = prepareSessionLookup(db)));
	return lookup;
}

export async function validateSessionToken(
	db: Db,
	token: string,
	now = Date.now()
): Promise<ValidSession | null> {
	if (!TOKEN_PATTERN.test(token)) return null;
	const id = sessionIdFromToken(token);
	const [row] = await sessionLookup(db).execute({ id });
	if (!row) return null;
	// Deactivation deletes the sessions too; this covers one opened in the same instant.
	if (isExpired(row.session.expiresAt, now) || row.deactivatedAt) {
		await db.delete(session).where(eq(session.id, id));
		return null;
	}
	const renewed = renewedExpiry(row.session.expiresAt, now);
	if (renewed) {
		row.session.expiresAt = renewed;
		await db.update(session).set({ expiresAt: renewed }).where(eq(session.id, id));
	}
	return { session: row.session, actor: row.actor };
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await db.delete(session).where(eq(session.id, sessionId));
}

/** On password change: every session of the person ends. */
export async function invalidateAllSessions(db: Db, personId: string): Promise<void> {
	await db.delete(session).where(eq(session.personId, personId));
}

export interface CookieOptions {
	secure: boolean;
}

/** Cookie attributes shared by SvelteKit's `cookies.set` and the raw HTTP door. */
export function sessionCookieAttributes(expiresAt: Date, { secure }: CookieOptions) {
	return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, expires: expiresAt };
}
