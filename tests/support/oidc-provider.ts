import { afterAll } from 'vitest';
import { authenticateAt, listenOidcProvider, type TestOidcProvider } from './oidc-gateway';

export { authenticateAt, type TestOidcProvider };

/** A real OpenID provider for a Vitest file (oidc-gateway.ts), stopped after the file's tests. */
export async function startOidcProvider(
	options: Parameters<typeof listenOidcProvider>[0]
): Promise<TestOidcProvider> {
	const provider = await listenOidcProvider(options);
	afterAll(() => provider.stop());
	return provider;
}
