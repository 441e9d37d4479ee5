import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { body, decision } from '../../../src/lib/server/db/schema';
import { startBuiltServer } from '../access-matrix/built-server';
import { ROWS } from '../access-matrix/rows';
import type { Who } from '../access-matrix/world';

/**
 * Security headers on every response of every route (pages, data, endpoints, errors), for
 * anonymous and signed-in visitors; and CSV exports neutralise formula cells at the HTTP door.
 */
const FORMULAS = ['=HYPERLINK("https://evil.example","clic")', '+SUM(1;2)', '-2+3', '@cmd'];
const server = await startBuiltServer(async ({ db }, world) => {
	const [found] = await db
		.select({ id: body.id })
		.from(body)
		.where(eq(body.projectId, world.own.governanceProjectId));
	for (const text of FORMULAS) {
		await db.insert(decision).values({
			projectId: world.own.governanceProjectId,
			bodyId: found.id,
			text,
			quote: text
		});
	}
});

async function get(path: string, who: Who): Promise<Response> {
	const cookie = server.world.cookies[who];
	return fetch(`${server.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
}

describe('security headers', () => {
	const paths = [
		...Object.values(ROWS).map((row) => row.path(server.world.own)),
		'/does-not-exist',
		`/projects/${server.world.own.proposalProjectId}/__data.json`
	];

	for (const who of ['anonymous', 'coordinator'] as const) {
		it(`are on every response to ${who}: nosniff, Referrer-Policy, CSP with nonces on pages`, async () => {
			const missing: string[] = [];
			for (const path of paths) {
				const response = await get(path, who);
				const headers = response.headers;
				const html = headers.get('content-type')?.includes('text/html') ?? false;
				await response.body?.cancel();
				if (headers.get('x-content-type-options') !== 'nosniff') missing.push(`${path} nosniff`);
				if (!headers.get('referrer-policy')) missing.push(`${path} referrer-policy`);
				if (html && response.status === 200) {
					const csp = headers.get('content-security-policy') ?? '';
					if (!/script-src [^;]*'nonce-/.test(csp)) missing.push(`${path} csp nonce`);
					if (!csp.includes("frame-ancestors 'none'")) missing.push(`${path} frame-ancestors`);
				}
				// Pages and data: no-store. A file (a calendar feed polled by a calendar app) may be
				// kept by the person's own client, never by a shared cache.
				const cache = headers.get('cache-control') ?? '';
				const kept =
					html || path.endsWith('__data.json')
						? !/no-store/.test(cache)
						: !/no-store|private/.test(cache);
				if (who !== 'anonymous' && kept) {
					missing.push(`${path} no-store (${response.status})`);
				}
			}
			expect(missing).toEqual([]);
		});
	}
});

describe('CSV exports', () => {
	it('neutralise formula cells in the decision register', async () => {
		const row = ROWS['/projects/[projectId]/governance/decisions/register.csv'];
		const response = await get(row.path(server.world.own), 'coordinator');
		expect(response.status).toBe(200);
		const csv = await response.text();
		for (const formula of FORMULAS) {
			expect(csv).toContain(`'${formula.replace(/"/g, '""')}`);
			expect(csv).not.toMatch(
				new RegExp(
					`(^|[;\\n])"?${formula.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/"/g, '""')}`
				)
			);
		}
	});
});
