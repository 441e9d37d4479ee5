import { z } from 'zod';

/**
 * Environment read and validated once. Both doors (SvelteKit and the collab server) use this,
 * so it must not import `$env/*`.
 */
const port = z.coerce.number().int().min(0).max(65535);

const schema = z.object({
	PORT: port.default(3000),
	HOST: z.string().default('0.0.0.0'),
	ORIGIN: z.url().optional(),
	DATA_DIR: z.string().min(1).default('./data'),
	// The embedded database's PostgreSQL in a worker thread, off the event loop (ADR 0212): off
	// by default until the integration suites have passed with it on a quiet machine.
	PGLITE_WORKER: z.enum(['true', 'false']).default('true'),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
		.optional(),
	REDIS_URL: z
		.string()
		.regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
		.optional(),
	SEED_DEMO: z.enum(['true', 'false']).default('true'),
	COLLAB_MAX_MESSAGE_BYTES: z.coerce
		.number()
		.int()
		.positive()
		.default(8 * 1024 * 1024),
	COLLAB_ROOM_IDLE_MS: z.coerce.number().int().nonnegative().default(30_000),
	COLLAB_MAX_CLIENTS_PER_DOCUMENT: z.coerce.number().int().positive().default(500),
	// Updates this large or larger are tried in a worker before the event loop applies them.
	COLLAB_UPDATE_CHECK_BYTES: z.coerce
		.number()
		.int()
		.min(1024)
		.default(16 * 1024),
	COLLAB_UPDATE_BUDGET_MS: z.coerce.number().int().min(10).max(10_000).default(100),
	// Pages in the handler at once, and how long others wait their turn (server/admission.ts).
	HTTP_MAX_CONCURRENT: z.coerce.number().int().min(1).max(1000).default(8),
	HTTP_MAX_WAIT_MS: z.coerce.number().int().min(100).default(15_000),
	// Once the oldest waiting page waited this long, the newest goes first, even before waiting
	// clients are seen to give up sooner (default: HTTP_MAX_WAIT_MS; ADR 0214).
	HTTP_NEWEST_FIRST_AFTER_MS: z.coerce.number().int().min(0).optional(),
	LINK_ACCESSIBILITY: z.string().default('/legal/accessibility'),
	LINK_PRIVACY: z.string().default('/legal/privacy'),
	LINK_LEGAL: z.string().default('/legal/notes'),
	// Sign-in through the body's SPID/CIE OpenID Connect gateway (ADR 0150): all three or none.
	OIDC_ISSUER: z.url().optional(),
	OIDC_CLIENT_ID: z.string().min(1).optional(),
	OIDC_CLIENT_SECRET: z.string().min(1).optional(),
	OIDC_LABEL: z.string().min(1).default('SPID / CIE'),
	OIDC_FISCAL_CODE_CLAIM: z.string().min(1).default('fiscal_number'),
	// Outgoing mail (ADR 0151); without SMTP_URL mails are written to the log.
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
		.optional(),
	MAIL_FROM: z.string().min(3).default('Tavolo <noreply@tavolo.invalid>'),
	// Tests run quiet unless they ask for logs.
	LOG_LEVEL: z
		.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
		.default(process.env.VITEST ? 'silent' : 'info')
});

export type Config = {
	port: number;
	host: string;
	origin?: string;
	dataDir: string;
	pgliteWorker: boolean;
	databaseUrl?: string;
	redisUrl?: string;
	seedDemo: boolean;
	collab: {
		maxMessageBytes: number;
		roomIdleMs: number;
		maxClientsPerDocument: number;
		/** Sync updates of at least this many bytes are tried in a worker first (ADR 0013). */
		updateCheckBytes: number;
		/** Longest trial integration of such an update the event loop may then repeat. */
		updateBudgetMs: number;
	};
	/** Admission to the page handler: at most `maxConcurrent` at once (server/admission.ts). */
	http: { maxConcurrent: number; maxWaitMs: number; newestFirstAfterMs: number };
	links: { accessibility: string; privacy: string; legal: string };
	/** Present only when the SPID/CIE gateway is configured. */
	oidc?: OidcConfig;
	mail: { smtpUrl?: string; from: string };
	logLevel: z.infer<typeof schema>['LOG_LEVEL'];
};

export interface OidcConfig {
	issuer: string;
	clientId: string;
	clientSecret: string;
	/** The button's text, e.g. "SPID / CIE". */
	label: string;
	/** The claim carrying the codice fiscale (SPID gateways: `fiscal_number`). */
	fiscalCodeClaim: string;
}

export class ConfigError extends Error {}

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
	const parsed = schema.safeParse(
		Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''))
	);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
		throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
	}
	const e = parsed.data;
	const oidcParts = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
	if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
		throw new ConfigError(
			'Invalid configuration:\n  OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: set all three or none'
		);
	}
	return {
		port: e.PORT,
		host: e.HOST,
		origin: e.ORIGIN,
		dataDir: e.DATA_DIR,
		pgliteWorker: e.PGLITE_WORKER === 'true',
		databaseUrl: e.DATABASE_URL,
		redisUrl: e.REDIS_URL,
		seedDemo: e.SEED_DEMO === 'true',
		collab: {
			maxMessageBytes: e.COLLAB_MAX_MESSAGE_BYTES,
			roomIdleMs: e.COLLAB_ROOM_IDLE_MS,
			maxClientsPerDocument: e.COLLAB_MAX_CLIENTS_PER_DOCUMENT,
			updateCheckBytes: e.COLLAB_UPDATE_CHECK_BYTES,
			updateBudgetMs: e.COLLAB_UPDATE_BUDGET_MS
		},
		http: {
			maxConcurrent: e.HTTP_MAX_CONCURRENT,
			maxWaitMs: e.HTTP_MAX_WAIT_MS,
			newestFirstAfterMs: e.HTTP_NEWEST_FIRST_AFTER_MS ?? e.HTTP_MAX_WAIT_MS
		},
		links: { accessibility: e.LINK_ACCESSIBILITY, privacy: e.LINK_PRIVACY, legal: e.LINK_LEGAL },
		oidc:
			e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
				? {
						issuer: e.OIDC_ISSUER,
						clientId: e.OIDC_CLIENT_ID,
						clientSecret: e.OIDC_CLIENT_SECRET,
						label: e.OIDC_LABEL,
						fiscalCodeClaim: e.OIDC_FISCAL_CODE_CLAIM
					}
				: undefined,
		mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
		logLevel: e.LOG_LEVEL
	};
}
