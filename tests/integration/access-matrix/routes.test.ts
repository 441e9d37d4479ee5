import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLE_ACTIONS } from '../../../src/lib/server/access/role-actions';
import { startBuiltServer } from './built-server';
import { ROUTES, ROWS, routeIdOf, type Row } from './rows';
import { EVERYONE, type Side, type Who } from './world';

/**
 * The access matrix at the HTTP door: every route found in src/routes × everyone × {own
 * project, other project, unknown id}, for the page, its `__data.json` and its form actions
 * (with an empty form), and for endpoints. Never a 500, never a 200 to someone without access.
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
	const page = files.has('+page.svelte');
	const endpoint = files.has('+server.ts') || files.has('+server.js');
	const nested = here
		.filter((e) => e.isDirectory())
		.flatMap((e) => findRoutes(join(folder, e.name)));
	return page || endpoint ? [{ id, folder, page, endpoint }, ...nested] : nested;
}

const routes = findRoutes();

/** The status a page or __data.json stands for (data requests carry it in the body). */
async function statusOf(path: string, who: Who, dataRequest: boolean): Promise<number> {
	const cookie = world.cookies[who];
	const url = `${server.url}${path}${dataRequest ? (path.endsWith('/') ? '' : '/') + '__data.json' : ''}`;
	const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
	if (!dataRequest || response.status !== 200) {
		await response.body?.cancel();
		return response.status;
	}
	const body = (await response.json()) as {
		type: string;
		nodes?: ({ type: string; status?: number } | null)[];
		status?: number;
	};
	if (body.type === 'redirect') return 303;
	if (body.type === 'error') return body.status ?? 500;
	const failed = body.nodes?.find((node) => node?.type === 'error');
	return failed ? (failed.status ?? 500) : 200;
}

type Scope = 'own' | 'other' | 'unknown' | 'missing';
const sides: Record<Scope, Side> = {
	own: world.own,
	other: world.other,
	unknown: world.unknown,
	missing: world.missing
};

/** What the matrix expects: a set of acceptable statuses. */
function expected(row: Row, who: Who, scope: Scope, endpoint: boolean): number[] {
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

	for (const route of routes) {
		const row = ROWS[route.id];
		if (!row || row.note === 'POST only') continue;
		const own = row.path(world.own);
		const scopes = (['own', 'other', 'unknown', 'missing'] as const).filter(
			(scope) => scope === 'own' || row.path(sides[scope]) !== own
		);
		it(`${route.id}: everyone × ${scopes.join('/')} gets what the policy says`, async () => {
			const wrong: string[] = [];
			for (const scope of scopes) {
				for (const who of EVERYONE) {
					const path = row.path(sides[scope]);
					const doors = route.page ? [false, ...(hasServerData(route) ? [true] : [])] : [false];
					for (const data of doors) {
						const status = await statusOf(path, who, data);
						const ok = expected(row, who, scope, !route.page);
						const label = `${scope} ${who}${data ? ' __data.json' : ''}`;
						if (!ok.includes(status)) {
							wrong.push(`${route.id} ${label}: ${status}, expected ${ok.join('|')}`);
						}
					}
				}
			}
			expect(wrong).toEqual([]);
		});
	}
});

function hasServerData(route: Route): boolean {
	return existsSync(join(route.folder, '+page.server.ts')) || route.id.startsWith('/projects');
}
