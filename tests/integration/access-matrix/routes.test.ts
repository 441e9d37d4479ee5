import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLE_ACTIONS } from '../../../src/lib/server/access/role-actions';
import { startBuiltServer } from './built-server';
import { ROUTES, ROWS, routeIdOf, SCOPES, type Row, type Scope } from './rows';
import { CASE_IDENTITY, EVERYONE, type Side, type Who } from './world';

/**
 * The access matrix at the HTTP door: every route found in src/routes × everyone × {own
 * project, other project, unknown id, own project with unknown nested ids, another
 * organisation's case}, for the page and its `__data.json`, and for endpoints (form actions:
 * actions.test.ts). Never a 500, never a 200 to someone without access; case pages never
 * cached, and a case's identity in no answer but to its own organisation's operators.
 */
const server = await startBuiltServer();
const world = server.world;

interface Route {
	id: string;
	folder: string;
	page: boolean;
	endpoint: boolean;
}

function findRoutes(folder = ROUTES): Route[] {
	const here = readdirSync(folder, { withFileTypes: true });
	const files = new Set(here.filter((e) => e.isFile()).map((e) => e.name));
	const id = routeIdOf(folder);
	const page = ['+page.svelte', '+page.server.ts', '+page.ts'].some((name) => files.has(name));
	const endpoint = files.has('+server.ts') || files.has('+server.js');
	const nested = here
		.filter((e) => e.isDirectory())
		.flatMap((e) => findRoutes(join(folder, e.name)));
	return page || endpoint ? [{ id, folder, page, endpoint }, ...nested] : nested;
}

const routes = findRoutes();

interface Answer {
	/** The status a page or __data.json stands for (data requests carry it in the body). */
	status: number;
	text: string;
	cacheControl: string | null;
}

async function fetchAs(path: string, who: Who, dataRequest: boolean): Promise<Answer> {
	const cookie = world.cookies[who];
	// The data request goes before the query string (`/search/__data.json?q=…`).
	const [pathname, query] = path.split(/(?=\?)/);
	const data = dataRequest ? (pathname.endsWith('/') ? '' : '/') + '__data.json' : '';
	const url = `${server.url}${pathname}${data}${query ?? ''}`;
	const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
	const text = await response.text();
	const answer = {
		status: response.status,
		text,
		cacheControl: response.headers.get('cache-control')
	};
	if (!dataRequest || response.status !== 200) return answer;
	const body = JSON.parse(text) as {
		type: string;
		nodes?: ({ type: string; status?: number } | null)[];
		status?: number;
	};
	if (body.type === 'redirect') return { ...answer, status: 303 };
	if (body.type === 'error') return { ...answer, status: body.status ?? 500 };
	const failed = body.nodes?.find((node) => node?.type === 'error');
	return { ...answer, status: failed ? (failed.status ?? 500) : 200 };
}

const sides: Record<Scope, Side> = {
	own: world.own,
	other: world.other,
	unknown: world.unknown,
	missing: world.missing,
	foreignCase: world.foreignCase
};

/** What the matrix expects: a set of acceptable statuses (explicit rows: exactly one). */
function expected(row: Row, who: Who, scope: Scope, endpoint: boolean): number[] {
	if (row.explicit) return [row.explicit[scope][who]];
	// An endpoint may say 404 for an id that exists nowhere before asking who is there.
	const anonymous = endpoint ? (scope === 'own' ? [401, 403] : [401, 403, 404]) : [303];
	if (who === 'anonymous') return row.anonymous ?? (row.access === 'public' ? [200] : anonymous);
	if (row.signedIn) return row.signedIn;
	if (row.access === 'public' || row.access === 'signed-in') return [200];
	const member = who !== 'stranger' && who !== 'admin';
	if (!member || scope === 'other' || scope === 'unknown') return [403, 404];
	if (!ROLE_ACTIONS[who].has(row.access)) return [403, 404];
	if (scope === 'missing' || row.note?.includes('unknown id')) return [404];
	return row.permitted ?? [200];
}

describe('the access matrix over HTTP', () => {
	it('has a row for every route in src/routes', () => {
		const missing = routes.map((route) => route.id).filter((id) => !(id in ROWS));
		expect(missing).toEqual([]);
		expect(routes.length).toBeGreaterThan(10);
	});

	it('writes out every scope of the rows that give explicit statuses', () => {
		const incomplete = Object.entries(ROWS)
			.filter(([, row]) => row.explicit && SCOPES.some((scope) => !row.explicit?.[scope]))
			.map(([id]) => id);
		expect(incomplete).toEqual([]);
		expect(Object.values(ROWS).filter((row) => row.explicit).length).toBeGreaterThanOrEqual(3);
	});

	for (const route of routes) {
		const row = ROWS[route.id];
		if (!row || row.note === 'POST only') continue;
		const own = row.path(world.own);
		const scopes = SCOPES.filter((scope) => scope === 'own' || row.path(sides[scope]) !== own);
		it(`${route.id}: everyone × ${scopes.join('/')} gets what the policy says`, async () => {
			const wrong: string[] = [];
			for (const scope of scopes) {
				for (const who of EVERYONE) {
					const path = row.path(sides[scope]);
					const doors = route.page ? [false, ...(hasServerData(route) ? [true] : [])] : [false];
					for (const data of doors) {
						const answer = await fetchAs(path, who, data);
						const ok = expected(row, who, scope, !route.page);
						const label = `${route.id} ${scope} ${who}${data ? ' __data.json' : ''}`;
						if (!ok.includes(answer.status)) {
							wrong.push(`${label}: ${answer.status}, expected ${ok.join('|')}`);
						}
						if (isCaseRoute(route) && answer.status === 200) {
							if (answer.cacheControl !== 'no-store') wrong.push(`${label}: cached`);
							// The person's data export carries the identity by design; its PDF is compressed.
							const mayIdentify =
								(route.id.endsWith('[caseId]') || route.id.endsWith('[caseId]/export.json')) &&
								scope === 'own';
							const identifies = answer.text.includes(CASE_IDENTITY);
							if (identifies !== (mayIdentify && who === 'case_operator')) {
								wrong.push(`${label}: identity ${identifies ? 'shown' : 'missing'}`);
							}
						}
					}
				}
			}
			expect(wrong).toEqual([]);
		});
	}
});

function isCaseRoute(route: Route): boolean {
	return route.id.startsWith('/projects/[projectId]/cases');
}

function hasServerData(route: Route): boolean {
	return existsSync(join(route.folder, '+page.server.ts')) || route.id.startsWith('/projects');
}
