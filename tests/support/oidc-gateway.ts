import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID provider (`oidc-provider`) on a free port, standing in for a municipality's
 * SPID/CIE gateway: it publishes its discovery document and signing keys, issues codes and
 * signed ID tokens. Its login page is replaced by "sign in as `nextIdentity`", so a test plays the
 * citizen who authenticates with SPID.
 */
export interface TestOidcProvider {
	issuer: string;
	clientId: string;
	clientSecret: string;
	/** The identity the next authentication signs in as (claims of the ID token). */
	nextIdentity: Record<string, unknown>;
	stop(): Promise<void>;
}

/** The provider alone, for any runner (Playwright too): the caller stops it. */
export async function listenOidcProvider(options: {
	redirectUri: string;
	clientId?: string;
	clientSecret?: string;
	/** Accept `redirectUri` on any port of its host (for a server started after the provider). */
	anyLoopbackPort?: boolean;
}): Promise<TestOidcProvider> {
	let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
	const server = createServer((req, res) => handle(req, res));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const clientId = options.clientId ?? 'tavolo';
	const clientSecret = options.clientSecret ?? 'segreto-del-client-di-prova';
	const state: TestOidcProvider = {
		issuer,
		clientId,
		clientSecret,
		nextIdentity: { sub: 'nobody' },
		stop: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
	const identities = new Map<string, Record<string, unknown>>();

	const provider = new Provider(issuer, {
		clients: [
			{
				client_id: clientId,
				client_secret: clientSecret,
				redirect_uris: [options.redirectUri],
				grant_types: ['authorization_code'],
				response_types: ['code']
			}
		],
		claims: {
			openid: ['sub'],
			profile: ['name', 'given_name', 'family_name', 'fiscal_number', 'email']
		},
		// SPID gateways commonly put the attributes in the ID token itself.
		conformIdTokenClaims: false,
		features: { devInteractions: { enabled: false } },
		interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
		findAccount: (_ctx, id) => ({
			accountId: id,
			claims: () => ({ sub: id, ...(identities.get(id) ?? {}) })
		}),
		cookies: { keys: ['chiave-dei-cookie-di-prova'] }
	});
	if (options.anyLoopbackPort) {
		// The Tavolo test server listens on a port chosen at start: accept its callback on any port.
		const wanted = new URL(options.redirectUri);
		provider.Client.prototype.redirectUriAllowed = (value: string) => {
			const asked = new URL(value);
			return asked.hostname === wanted.hostname && asked.pathname === wanted.pathname;
		};
	}
	const callback = provider.callback();
	handle = (req, res) => {
		const interaction = /^\/interaction\/([^/?]+)/.exec(req.url ?? '');
		if (!interaction) return void callback(req, res);
		void signInAs(req, res).catch((error: unknown) => {
			res.statusCode = 500;
			res.end(String(error));
		});
	};

	async function signInAs(req: IncomingMessage, res: ServerResponse) {
		const details = await provider.interactionDetails(req, res);
		const accountId = String(state.nextIdentity.sub);
		identities.set(accountId, state.nextIdentity);
		const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
		grant.addOIDCScope(String(details.params.scope));
		const grantId = await grant.save();
		await provider.interactionFinished(
			req,
			res,
			{ login: { accountId }, consent: { grantId } },
			{ mergeWithLastSubmission: false }
		);
	}

	return state;
}

/**
 * A browser going through the gateway: follows redirects with the provider's cookies until it
 * is sent to `redirectUri`, and answers that URL (code, state, iss) instead of following it.
 */
export async function authenticateAt(authorizationUrl: URL, redirectUri: string): Promise<URL> {
	const cookies = new Map<string, string>();
	let next = authorizationUrl.href;
	for (let hop = 0; hop < 10; hop++) {
		if (next.startsWith(redirectUri)) return new URL(next);
		const response = await fetch(next, {
			redirect: 'manual',
			headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') }
		});
		for (const line of response.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const at = pair.indexOf('=');
			cookies.set(pair.slice(0, at), pair.slice(at + 1));
		}
		const location = response.headers.get('location');
		if (!location) {
			throw new Error(
				`the provider stopped at ${next}: ${response.status} ${await response.text()}`
			);
		}
		next = new URL(location, next).href;
	}
	throw new Error('too many redirects at the provider');
}
