import { and, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '../db/client';
import { person, trustedDevice } from '../db/schema';
import { generateToken, hashToken, TOKEN_PATTERN } from './token';

/** The device cookie outlives sessions: it only says "this browser signed in as X before". */
export const DEVICE_COOKIE = 'tavolo_device';
export const DEVICE_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;

export interface KnownDevice {
	id: string;
	personId: string;
	email: string;
}

/** The person this browser signed in as before, if its device cookie is genuine and current. */
export async function findTrustedDevice(
	db: Db,
	token: string | null | undefined,
	now = Date.now()
): Promise<KnownDevice | null> {
	if (!token || !TOKEN_PATTERN.test(token)) return null;
	const [row] = await db
		.select({ id: trustedDevice.id, personId: trustedDevice.personId, email: person.email })
		.from(trustedDevice)
		.innerJoin(person, eq(trustedDevice.personId, person.id))
		.where(and(eq(trustedDevice.id, hashToken(token)), gt(trustedDevice.expiresAt, new Date(now))))
		.limit(1);
	return row ?? null;
}

/** Marks this browser as one the person signed in from; returns the cookie's token. */
export async function trustDevice(
	db: Db,
	personId: string,
	now = Date.now()
): Promise<{ token: string; expiresAt: Date }> {
	const token = generateToken();
	const expiresAt = new Date(now + DEVICE_LIFETIME_MS);
	await db
		.delete(trustedDevice)
		.where(and(eq(trustedDevice.personId, personId), lte(trustedDevice.expiresAt, new Date(now))));
	await db.insert(trustedDevice).values({ id: hashToken(token), personId, expiresAt });
	return { token, expiresAt };
}

/** After a password change every device must prove itself again. */
export async function forgetDevices(db: Db, personId: string): Promise<void> {
	await db.delete(trustedDevice).where(eq(trustedDevice.personId, personId));
}
