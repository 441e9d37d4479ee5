import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Identity canaries (issue 16): poison-text.ts plants a token in the identity and the notes of
 * every person followed; the stored-text walk then reads every page, export, live document
 * (live-documents.ts) and the server log each role reaches, and only the case operators of the
 * record's organisation may meet a token.
 */
export const CANARY_FILE = 'identity-canaries.json';

export interface IdentityCanaries {
	cases: { token: string; organisationId: string }[];
	/** Who operates cases for which organisation: the only ones who may read those tokens. */
	operators: { email: string; organisationId: string }[];
	/**
	 * Every live document of the data set (`notes:<project>`, `section:…`, `actions:…`,
	 * `minutes:…`, `labboard:…`): each role opens those the server lets it open and reads them.
	 */
	documents: string[];
}

export function readCanaries(dataDir: string): IdentityCanaries {
	return JSON.parse(readFileSync(join(dataDir, CANARY_FILE), 'utf8')) as IdentityCanaries;
}

/** The tokens `email` must never see: every case outside the organisations it operates for. */
export function forbiddenTokens(canaries: IdentityCanaries, email: string): string[] {
	const own = new Set(
		canaries.operators.filter((o) => o.email === email).map((o) => o.organisationId)
	);
	return canaries.cases.filter((c) => !own.has(c.organisationId)).map((c) => c.token);
}

/** The canary tokens found in `text`, to name them in a failure. */
export function tokensIn(text: string, tokens: string[]): string[] {
	return tokens.filter((token) => text.includes(token));
}
