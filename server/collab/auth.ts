import type { IncomingHttpHeaders } from 'node:http';
import type { Db } from '$lib/server/db/client';
import type { Actor } from '$lib/server/access/policy';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { parseDocumentName } from '$lib/server/live/name';
import {
	DOCUMENT_KINDS,
	documentPermission,
	type DocumentPermission
} from '$lib/server/live-kinds';
import type { PermissionCache } from './permission-cache';

/** Who may open the socket, and how: decided before the upgrade, from the cookie and the policy. */
export type Admission =
	| {
			ok: true;
			actor: Actor;
			sessionToken: string;
			permission: Exclude<DocumentPermission, 'none'>;
	  }
	| { ok: false; status: 401 | 403 | 404; reason: string };

export interface AdmissionDeps {
	db: Db;
	/** Shared by the sockets of one person on one document for a few seconds (ADR 0015). */
	permissions: PermissionCache;
}

export async function admit(
	{ db, permissions }: AdmissionDeps,
	headers: IncomingHttpHeaders,
	name: string
): Promise<Admission> {
	const token = readCookie(headers.cookie, SESSION_COOKIE);
	const valid = token ? await validateSessionToken(db, token) : null;
	if (!token || !valid) return { ok: false, status: 401, reason: 'no valid session' };
	const { actor } = valid;
	const permission = await permissions.get(actor.id, name, () =>
		documentPermission(db, actor, name)
	);
	if (permission !== 'none') {
		return { ok: true, actor, sessionToken: token, permission };
	}
	// Only a signed-in person learns whether the document exists.
	return (await documentExists(db, name))
		? { ok: false, status: 403, reason: 'no access to the document' }
		: { ok: false, status: 404, reason: 'no such document' };
}

/** The kind is known without the database: unknown kinds are refused before anything else. */
export function isKnownKind(name: string): boolean {
	const parsed = parseDocumentName(name);
	return parsed !== null && Object.hasOwn(DOCUMENT_KINDS, parsed.kind);
}

async function documentExists(db: Db, name: string): Promise<boolean> {
	const parsed = parseDocumentName(name);
	if (!parsed || !Object.hasOwn(DOCUMENT_KINDS, parsed.kind)) return false;
	return (await DOCUMENT_KINDS[parsed.kind](db, parsed.id)) !== null;
}

/**
 * Asked again when access may have changed: `unauthenticated` once the session is gone
 * (sign-out, password change), else the permission the policy gives now.
 */
export async function recheck(
	db: Db,
	sessionToken: string,
	name: string
): Promise<DocumentPermission | 'unauthenticated'> {
	const valid = await validateSessionToken(db, sessionToken);
	if (!valid) return 'unauthenticated';
	return documentPermission(db, valid.actor, name);
}

export function readCookie(header: string | undefined, name: string): string | undefined {
	for (const part of header?.split(';') ?? []) {
		const separator = part.indexOf('=');
		if (separator > 0 && part.slice(0, separator).trim() === name) {
			return part.slice(separator + 1).trim();
		}
	}
	return undefined;
}
