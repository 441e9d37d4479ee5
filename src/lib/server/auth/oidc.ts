import * as client from 'openid-client';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { isValidFiscalCode, normaliseFiscalCode } from '$lib/cases/fiscal-code';
import type { OidcConfig } from '../config';
import type { Db } from '../db/client';
import { invitation, person } from '../db/schema';
import type { Actor } from '../access/policy';
import { ForbiddenError, UnauthorizedError } from '../errors';
import { record } from '../audit/audit';
import { logger } from '../log/logger';

/**
 * Sign-in through the body's SPID/CIE OpenID Connect gateway (ADR 0150): authorization code with
 * PKCE, state and nonce, the ID token verified by openid-client against the issuer's published
 * keys. The codice fiscale in the identity links it to a person; nobody is ever created here.
 */

/** What the browser keeps (in a short-lived cookie) between leaving for the gateway and coming back. */
export interface PendingOidc {
	state: string;
	nonce: string;
	verifier: string;
	redirectTo: string;
}

export interface OidcOptions {
	/** Seconds this server's clock is off the gateway's; tests use it to age a token. */
	clockSkew?: number;
}

const discovered = new Map<string, Promise<client.Configuration>>();

/** The gateway's metadata and keys, fetched once per issuer (a failure is retried next time). */
function configurationOf(settings: OidcConfig, clockSkew = 0): Promise<client.Configuration> {
	const key = `${settings.issuer} ${settings.clientId} ${clockSkew}`;
	let found = discovered.get(key);
	if (!found) {
		const issuer = new URL(settings.issuer);
		// Plain HTTP only for a gateway on this machine (tests, a local proxy); never across a network.
		const insecure = issuer.protocol === 'http:' && isLoopback(issuer.hostname);
		found = client.discovery(
			issuer,
			settings.clientId,
			{ client_secret: settings.clientSecret, [client.clockSkew]: clockSkew },
			undefined,
			insecure ? { execute: [client.allowInsecureRequests] } : undefined
		);
		found.catch(() => discovered.delete(key));
		discovered.set(key, found);
	}
	return found;
}

function isLoopback(hostname: string): boolean {
	return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/** Where to send the browser, and what to remember until it comes back. */
export async function beginOidcSignIn(
	settings: OidcConfig,
	redirectUri: string,
	redirectTo: string
): Promise<{ url: URL; pending: PendingOidc }> {
	const configuration = await configurationOf(settings);
	const verifier = client.randomPKCECodeVerifier();
	const pending: PendingOidc = {
		state: client.randomState(),
		nonce: client.randomNonce(),
		verifier,
		redirectTo
	};
	const url = client.buildAuthorizationUrl(configuration, {
		redirect_uri: redirectUri,
		scope: 'openid profile',
		code_challenge: await client.calculatePKCECodeChallenge(verifier),
		code_challenge_method: 'S256',
		state: pending.state,
		nonce: pending.nonce
	});
	return { url, pending };
}

/**
 * Checks the gateway's answer (state, PKCE, ID token signature, issuer, audience, expiry, nonce)
 * and finds the person whose codice fiscale it carries. Any failure is one generic refusal for
 * the user and a logged reason for the operator.
 */
export async function finishOidcSignIn(
	db: Db,
	settings: OidcConfig,
	callbackUrl: URL,
	pending: PendingOidc | null,
	options: OidcOptions = {}
): Promise<Actor> {
	if (!pending) throw new UnauthorizedError('oidc_failed');
	const checked = await configurationOf(settings, options.clockSkew);
	let claims: Record<string, unknown>;
	try {
		const tokens = await client.authorizationCodeGrant(checked, callbackUrl, {
			pkceCodeVerifier: pending.verifier,
			expectedState: pending.state,
			expectedNonce: pending.nonce,
			idTokenExpected: true
		});
		const idClaims = tokens.claims();
		if (!idClaims) throw new Error('no ID token');
		claims = { ...idClaims };
		if (claims[settings.fiscalCodeClaim] === undefined) {
			// Many gateways put SPID attributes in the userinfo answer rather than the ID token.
			claims = {
				...(await client.fetchUserInfo(checked, tokens.access_token, idClaims.sub)),
				...claims
			};
		}
	} catch (error) {
		logger.warn({ reason: reasonOf(error) }, 'oidc sign-in refused');
		throw new UnauthorizedError('oidc_failed');
	}
	const fiscalCode = fiscalCodeOf(claims[settings.fiscalCodeClaim]);
	if (!fiscalCode) throw new UnauthorizedError('oidc_no_fiscal_code');
	const found = await findPersonByFiscalCode(db, fiscalCode);
	if (!found) {
		// Logged, not stored: a refused identity leaves no row anywhere.
		logger.info('oidc identity without a person refused');
		throw new UnauthorizedError(
			(await hasPendingInvitation(db, fiscalCode))
				? 'oidc_invitation_pending'
				: 'oidc_unknown_identity'
		);
	}
	await record(db, {
		actorId: found.id,
		action: 'login.oidc',
		resourceType: 'person',
		resourceId: found.id
	});
	return found;
}

function reasonOf(error: unknown): string {
	if (error instanceof Error) {
		return `${error.name}: ${'code' in error ? error.code : error.message}`;
	}
	return 'unknown';
}

/** SPID sends `TINIT-<codice fiscale>`; CIE gateways usually the bare code. */
export function fiscalCodeOf(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const code = normaliseFiscalCode(value.replace(/^TINIT-/i, ''));
	return isValidFiscalCode(code) ? code : null;
}

async function findPersonByFiscalCode(db: Db, fiscalCode: string): Promise<Actor | null> {
	const [found] = await db
		.select({
			id: person.id,
			name: person.name,
			email: person.email,
			isAdmin: person.isAdmin,
			deactivatedAt: person.deactivatedAt
		})
		.from(person)
		.where(eq(person.fiscalCode, fiscalCode))
		.limit(1);
	if (!found) return null;
	if (found.deactivatedAt) throw new ForbiddenError('account_deactivated');
	const { deactivatedAt: _, ...actor } = found;
	return actor;
}

/** Whether a codice fiscale waits in a pending invitation (then the person accepts it first). */
export async function hasPendingInvitation(
	db: Db,
	fiscalCode: string,
	now = Date.now()
): Promise<boolean> {
	const [row] = await db
		.select({ id: invitation.id })
		.from(invitation)
		.where(
			and(
				eq(invitation.fiscalCode, fiscalCode),
				isNull(invitation.acceptedAt),
				gt(invitation.expiresAt, new Date(now))
			)
		)
		.limit(1);
	return row !== undefined;
}
