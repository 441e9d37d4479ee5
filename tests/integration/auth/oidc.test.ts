import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { auditEntry, person } from '../../../src/lib/server/db/schema';
import type { OidcConfig } from '../../../src/lib/server/config';
import { beginOidcSignIn, finishOidcSignIn, fiscalCodeOf } from '../../../src/lib/server/auth/oidc';
import { buildPerson } from '../../support/factories';
import { authenticateAt, startOidcProvider } from '../../support/oidc-provider';
import { startDatabaseRuntime } from './fixture';

const { db } = await startDatabaseRuntime();
const REDIRECT_URI = 'http://127.0.0.1:4999/login/oidc/callback';
const gateway = await startOidcProvider({ redirectUri: REDIRECT_URI });
const settings: OidcConfig = {
	issuer: gateway.issuer,
	clientId: gateway.clientId,
	clientSecret: gateway.clientSecret,
	label: 'SPID / CIE',
	fiscalCodeClaim: 'fiscal_number'
};

// Valid codici fiscali (check letter included), one per test so they never collide.
const MARIO = 'RSSMRA80A01H501U';
const ANNA = 'BNCNNA90E41F205E';
const UNKNOWN = 'VRDLGU75T10L219A';
const PAOLA = 'GLLPLA85M01F205K';

async function personWith(fiscalCode: string) {
	return buildPerson(db, { fiscalCode });
}

async function signInAs(identity: Record<string, unknown>) {
	gateway.nextIdentity = identity;
	const { url, pending } = await beginOidcSignIn(settings, REDIRECT_URI, '/projects');
	const callback = await authenticateAt(url, REDIRECT_URI);
	return { url, pending, callback };
}

describe('signing in through the SPID/CIE gateway', () => {
	it('sends the browser with PKCE (S256), state and nonce to the issuer', async () => {
		const { url, pending } = await beginOidcSignIn(settings, REDIRECT_URI, '/projects');
		expect(url.origin).toBe(gateway.issuer);
		expect(url.searchParams.get('code_challenge_method')).toBe('S256');
		expect(url.searchParams.get('code_challenge')).not.toBe(pending.verifier);
		expect(url.searchParams.get('state')).toBe(pending.state);
		expect(url.searchParams.get('nonce')).toBe(pending.nonce);
		expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
	});

	it('signs in the person whose codice fiscale the verified ID token carries', async () => {
		const mario = await personWith(MARIO);
		const { pending, callback } = await signInAs({
			sub: 'spid-1',
			fiscal_number: `TINIT-${MARIO}`
		});
		const actor = await finishOidcSignIn(db, settings, callback, pending);
		expect(actor).toMatchObject({ id: mario.id, email: mario.email });
		const audit = await db.select().from(auditEntry).where(eq(auditEntry.actorId, mario.id));
		expect(audit.map((row) => row.action)).toContain('login.oidc');
	});

	it('refuses a forged state', async () => {
		await personWith(ANNA);
		const { pending, callback } = await signInAs({ sub: 'spid-2', fiscal_number: ANNA });
		callback.searchParams.set('state', 'stato-contraffatto');
		await expect(finishOidcSignIn(db, settings, callback, pending)).rejects.toMatchObject({
			status: 401,
			code: 'oidc_failed'
		});
	});

	it('refuses a callback without the browser’s pending sign-in (no PKCE verifier)', async () => {
		const { callback } = await signInAs({ sub: 'spid-2', fiscal_number: ANNA });
		await expect(finishOidcSignIn(db, settings, callback, null)).rejects.toMatchObject({
			code: 'oidc_failed'
		});
	});

	it('refuses an ID token issued for another nonce', async () => {
		gateway.nextIdentity = { sub: 'spid-2', fiscal_number: ANNA };
		const { url, pending } = await beginOidcSignIn(settings, REDIRECT_URI, '/');
		url.searchParams.set('nonce', 'un-altro-nonce');
		const callback = await authenticateAt(url, REDIRECT_URI);
		await expect(finishOidcSignIn(db, settings, callback, pending)).rejects.toMatchObject({
			code: 'oidc_failed'
		});
	});

	it('refuses an expired ID token', async () => {
		const { pending, callback } = await signInAs({ sub: 'spid-2', fiscal_number: ANNA });
		// This server's clock two hours ahead of the gateway: the one-hour token has expired.
		await expect(
			finishOidcSignIn(db, settings, callback, pending, { clockSkew: 2 * 3600 })
		).rejects.toMatchObject({ code: 'oidc_failed' });
	});

	it('refuses an answer from another issuer', async () => {
		const impostor = await startOidcProvider({
			redirectUri: REDIRECT_URI,
			clientId: settings.clientId,
			clientSecret: settings.clientSecret
		});
		impostor.nextIdentity = { sub: 'spid-2', fiscal_number: ANNA };
		const { url, pending } = await beginOidcSignIn(settings, REDIRECT_URI, '/');
		const elsewhere = new URL(url.pathname + url.search, impostor.issuer);
		const callback = await authenticateAt(elsewhere, REDIRECT_URI);
		expect(callback.searchParams.get('iss')).toBe(impostor.issuer);
		await expect(finishOidcSignIn(db, settings, callback, pending)).rejects.toMatchObject({
			code: 'oidc_failed'
		});
	});

	it('refuses an unknown codice fiscale with its own message and creates nothing', async () => {
		const [before] = await db.select({ n: count() }).from(person);
		const [auditBefore] = await db.select({ n: count() }).from(auditEntry);
		const { pending, callback } = await signInAs({ sub: 'spid-3', fiscal_number: UNKNOWN });
		await expect(finishOidcSignIn(db, settings, callback, pending)).rejects.toMatchObject({
			status: 401,
			code: 'oidc_unknown_identity'
		});
		const [after] = await db.select({ n: count() }).from(person);
		const [auditAfter] = await db.select({ n: count() }).from(auditEntry);
		expect(after.n).toBe(before.n);
		expect(auditAfter.n).toBe(auditBefore.n);
	});

	it('refuses a deactivated account with its own message and opens nothing', async () => {
		const paola = await buildPerson(db, { fiscalCode: PAOLA, deactivatedAt: new Date() });
		const { pending, callback } = await signInAs({ sub: 'spid-5', fiscal_number: PAOLA });
		await expect(finishOidcSignIn(db, settings, callback, pending)).rejects.toMatchObject({
			status: 403,
			code: 'account_deactivated'
		});
		const audit = await db.select().from(auditEntry).where(eq(auditEntry.actorId, paola.id));
		expect(audit).toEqual([]);
	});

	it('refuses an identity without a valid codice fiscale', async () => {
		const { pending, callback } = await signInAs({ sub: 'spid-4', fiscal_number: 'TINIT-XYZ' });
		await expect(finishOidcSignIn(db, settings, callback, pending)).rejects.toMatchObject({
			code: 'oidc_no_fiscal_code'
		});
	});
});

describe('reading the codice fiscale', () => {
	it('accepts the SPID prefix, spaces and lower case, and rejects a wrong check letter', () => {
		expect(fiscalCodeOf(`TINIT-${MARIO}`)).toBe(MARIO);
		expect(fiscalCodeOf(' rssmra80a01h501u ')).toBe(MARIO);
		expect(fiscalCodeOf('RSSMRA80A01H501X')).toBeNull();
		expect(fiscalCodeOf(42)).toBeNull();
	});
});
