import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { session } from '../../../src/lib/server/db/schema';
import { buildPerson } from '../../support/factories';
import { authenticateAt, startOidcProvider } from '../../support/oidc-provider';
import { startTestServer } from '../../support/server';
import { Browser } from './http-client';

/** The whole round trip through the built server: button, gateway, callback, session. */
const gateway = await startOidcProvider({
	redirectUri: 'http://127.0.0.1/login/oidc/callback',
	anyLoopbackPort: true
});
// As in http.test.ts: the client says which protocol it used, like a reverse proxy would.
process.env.PROTOCOL_HEADER = 'x-forwarded-proto';
const server = await startTestServer({
	env: {
		OIDC_ISSUER: gateway.issuer,
		OIDC_CLIENT_ID: gateway.clientId,
		OIDC_CLIENT_SECRET: gateway.clientSecret,
		OIDC_LABEL: 'SPID / CIE'
	}
});
delete process.env.PROTOCOL_HEADER;
const CALLBACK = `${server.url}/login/oidc/callback`;

async function throughTheGateway(browser: Browser, identity: Record<string, unknown>) {
	gateway.nextIdentity = identity;
	const start = await browser.request('/login/oidc?redirectTo=/account');
	expect(start.status).toBe(303);
	expect(browser.cookies.has('tavolo_oidc')).toBe(true);
	const back = await authenticateAt(new URL(start.headers.get('location')!), CALLBACK);
	return browser.request(back.pathname + back.search);
}

describe('SPID/CIE sign-in over HTTP', () => {
	it('shows the button on the login page', async () => {
		const page = await new Browser(server.url).request('/login');
		const html = await page.text();
		expect(html).toContain('Entra con SPID / CIE');
		expect(html).toContain('href="/login/oidc?redirectTo=');
	});

	it('opens a session for the linked person and goes where the visitor was going', async () => {
		await buildPerson(server.runtime.db, { fiscalCode: 'RSSMRA80A01H501U', name: 'Mario Rossi' });
		const browser = new Browser(server.url);
		const back = await throughTheGateway(browser, {
			sub: 'spid-mario',
			fiscal_number: 'TINIT-RSSMRA80A01H501U'
		});
		expect(back.status).toBe(303);
		expect(back.headers.get('location')).toBe('/account');
		expect(browser.cookies.has('tavolo_oidc')).toBe(false);
		const account = await browser.request('/account');
		expect(account.status).toBe(200);
		expect(await account.text()).toContain('Mario Rossi');
	});

	it('sends an unknown identity back to the login page with the reason, signed out', async () => {
		const browser = new Browser(server.url);
		const back = await throughTheGateway(browser, {
			sub: 'spid-x',
			fiscal_number: 'VRDLGU75T10L219A'
		});
		expect(back.headers.get('location')).toBe('/login?oidc=oidc_unknown_identity');
		const page = await browser.request('/login?oidc=oidc_unknown_identity');
		expect(await page.text()).toContain('non corrisponde a nessuna persona registrata');
		expect((await browser.request('/account')).status).toBe(303);
	});

	it('tells a deactivated account so on the login page, and opens no session', async () => {
		const paola = await buildPerson(server.runtime.db, {
			fiscalCode: 'GLLPLA85M01F205K',
			deactivatedAt: new Date()
		});
		const browser = new Browser(server.url);
		const back = await throughTheGateway(browser, {
			sub: 'spid-paola',
			fiscal_number: 'TINIT-GLLPLA85M01F205K'
		});
		expect(back.status).toBe(303);
		expect(back.headers.get('location')).toBe('/login?oidc=account_deactivated');
		expect(browser.cookies.has('tavolo_session')).toBe(false);
		const page = await browser.request('/login?oidc=account_deactivated');
		expect(await page.text()).toContain('Questo account è stato disattivato');
		expect((await browser.request('/account')).status).toBe(303);
		const sessions = await server.runtime.db
			.select()
			.from(session)
			.where(eq(session.personId, paola.id));
		expect(sessions).toHaveLength(0);
	});

	it('refuses a callback replayed in a browser that did not start the sign-in', async () => {
		const starter = new Browser(server.url);
		gateway.nextIdentity = { sub: 'spid-mario', fiscal_number: 'RSSMRA80A01H501U' };
		const start = await starter.request('/login/oidc');
		const back = await authenticateAt(new URL(start.headers.get('location')!), CALLBACK);
		const thief = new Browser(server.url);
		const answer = await thief.request(back.pathname + back.search);
		expect(answer.headers.get('location')).toBe('/login?oidc=oidc_failed');
		expect((await thief.request('/account')).status).toBe(303);
	});
});
