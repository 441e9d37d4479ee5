import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { session, trustedDevice } from '../../../src/lib/server/db/schema';
import {
	createSession,
	generateSessionToken,
	invalidateSession,
	sessionIdFromToken,
	SESSION_LIFETIME_MS,
	validateSessionToken
} from '../../../src/lib/server/auth/session';
import { signIn } from '../../../src/lib/server/auth/sign-in';
import { changePassword } from '../../../src/lib/server/auth/password-change';
import { LoginThrottle } from '../../../src/lib/server/auth/throttle';
import { actorOf } from '../../support/factories';
import { buildAccount, PASSWORD, recordInvalidations, startDatabaseRuntime } from './fixture';
import { contextFor } from '../../../src/lib/server/context';

const runtime = await startDatabaseRuntime();
const { db } = runtime;
const DAY = 24 * 60 * 60 * 1000;

describe('sessions in the database', () => {
	it('store only the hash of the token', async () => {
		const someone = await buildAccount(runtime);
		const token = generateSessionToken();
		await createSession(db, token, someone.id);
		const rows = await db.select().from(session).where(eq(session.personId, someone.id));
		expect(rows).toHaveLength(1);
		expect(rows[0].id).toBe(sessionIdFromToken(token));
		expect(JSON.stringify(rows)).not.toContain(token);
	});

	it('slide forward when used in their last 15 days, and end at expiry', async () => {
		const someone = await buildAccount(runtime);
		const token = generateSessionToken();
		const start = Date.now();
		await createSession(db, token, someone.id, start);

		const early = await validateSessionToken(db, token, start + DAY);
		expect(early?.session.expiresAt.getTime()).toBe(start + SESSION_LIFETIME_MS);

		const late = start + 20 * DAY;
		const renewed = await validateSessionToken(db, token, late);
		expect(renewed?.session.expiresAt.getTime()).toBe(late + SESSION_LIFETIME_MS);
		const [stored] = await db
			.select()
			.from(session)
			.where(eq(session.id, sessionIdFromToken(token)));
		expect(stored.expiresAt.getTime()).toBe(late + SESSION_LIFETIME_MS);

		expect(await validateSessionToken(db, token, late + SESSION_LIFETIME_MS)).toBeNull();
		const left = await db
			.select()
			.from(session)
			.where(eq(session.id, sessionIdFromToken(token)));
		expect(left).toHaveLength(0);
	});

	it('refuse malformed and unknown tokens', async () => {
		expect(await validateSessionToken(db, 'short')).toBeNull();
		expect(await validateSessionToken(db, generateSessionToken())).toBeNull();
		const someone = await buildAccount(runtime);
		const token = generateSessionToken();
		await createSession(db, token, someone.id);
		expect(await validateSessionToken(db, token.toUpperCase())).toBeNull();
	});

	it('get a new token at every sign-in, and end on sign-out', async () => {
		const someone = await buildAccount(runtime);
		const deps = { db, throttle: new LoginThrottle() };
		const credentials = { email: someone.email, password: PASSWORD, ip: '192.0.2.10' };
		const first = await signIn(deps, credentials);
		const second = await signIn(deps, credentials);
		expect(first.token).not.toBe(second.token);
		expect(await validateSessionToken(db, first.token)).not.toBeNull();
		await invalidateSession(db, first.session.id);
		expect(await validateSessionToken(db, first.token)).toBeNull();
		expect(await validateSessionToken(db, second.token)).not.toBeNull();
	});
});

describe('changing the password', () => {
	it('ends every session and device trust, then opens one fresh session', async () => {
		const someone = await buildAccount(runtime);
		const deps = { db, throttle: new LoginThrottle() };
		const seen = recordInvalidations(runtime);
		const credentials = { email: someone.email, password: PASSWORD, ip: '192.0.2.11' };
		const laptop = await signIn(deps, credentials);
		const phone = await signIn(deps, credentials);

		const fresh = await changePassword(contextFor(runtime, actorOf(someone)), deps, {
			currentPassword: PASSWORD,
			newPassword: 'un altra password lunga',
			ip: '192.0.2.11',
			deviceToken: laptop.device!.token
		});
		expect(await validateSessionToken(db, laptop.token)).toBeNull();
		expect(await validateSessionToken(db, phone.token)).toBeNull();
		expect((await validateSessionToken(db, fresh.token))?.actor.id).toBe(someone.id);
		const devices = await db
			.select()
			.from(trustedDevice)
			.where(eq(trustedDevice.personId, someone.id));
		expect(devices.map((d) => d.id)).toEqual([sessionIdFromToken(fresh.device!.token)]);
		expect(seen).toContainEqual({ personId: someone.id });

		await expect(signIn(deps, { ...credentials, ip: '192.0.2.12' })).rejects.toMatchObject({
			code: 'login_failed'
		});
		const again = await signIn(deps, { ...credentials, password: 'un altra password lunga' });
		expect(again.actor.id).toBe(someone.id);
	});

	it('refuses a wrong current password with a field error and changes nothing', async () => {
		const someone = await buildAccount(runtime);
		const deps = { db, throttle: new LoginThrottle() };
		const before = await signIn(deps, {
			email: someone.email,
			password: PASSWORD,
			ip: '192.0.2.13'
		});
		await expect(
			changePassword(contextFor(runtime, actorOf(someone)), deps, {
				currentPassword: 'not it',
				newPassword: 'whatever long enough',
				ip: '192.0.2.13'
			})
		).rejects.toMatchObject({ code: 'invalid', issues: { currentPassword: [expect.any(String)] } });
		expect(await validateSessionToken(db, before.token)).not.toBeNull();
	});
});
