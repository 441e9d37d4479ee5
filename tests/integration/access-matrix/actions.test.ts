import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBuiltServer } from './built-server';
import {
	expectedStatus,
	refusal,
	ROUTES,
	ROWS,
	routeIdOf,
	SCOPES,
	type Form,
	type Row
} from './rows';
import { EVERYONE, type Who } from './world';

/**
 * Form actions and state-changing endpoints at the HTTP door: every action of every page in
 * src/routes, posted with a valid form (its row's) by everyone on the own, another and an
 * unknown project, answering the literal status of the row: 401 for nobody, 404 for a stranger,
 * 403 for a member without the right, the action's own answer for those with it. The policy is
 * asked before the form is read (runAction), so an empty form gets the same 403/404 (checked
 * too). And every action is refused with 403 from another origin, whoever sends it.
 */
const server = await startBuiltServer();
const { world } = server;
/** Actions that end the asker's own session: posted only by the anonymous and from another origin. */
const SESSION_ENDING = new Set(['/logout', '/account']);

interface PageActions {
	id: string;
	names: string[];
}

async function findActions(folder = ROUTES): Promise<PageActions[]> {
	const entries = readdirSync(folder, { withFileTypes: true });
	const found: PageActions[] = [];
	if (entries.some((entry) => entry.name === '+page.server.ts')) {
		const module = (await import(/* @vite-ignore */ join(folder, '+page.server.ts'))) as {
			actions?: Record<string, unknown>;
		};
		if (module.actions) found.push({ id: routeIdOf(folder), names: Object.keys(module.actions) });
	}
	for (const entry of entries.filter((e) => e.isDirectory())) {
		found.push(...(await findActions(join(folder, entry.name))));
	}
	return found;
}

const pages = await findActions();

/**
 * Posts as `use:enhance` does, so the outcome comes back as JSON: a failure's status is in the
 * body (a plain form post renders the page, whose own status says nothing about the action).
 */
async function post(path: string, who: Who, origin: string, form: Form = {}): Promise<number> {
	const cookie = world.cookies[who];
	const body = new URLSearchParams();
	for (const [name, value] of Object.entries(form)) {
		for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
	}
	const response = await fetch(`${server.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			'content-type': 'application/x-www-form-urlencoded',
			origin,
			...(cookie ? { cookie } : {})
		},
		body: body.toString()
	});
	const type = response.headers.get('content-type') ?? '';
	if (response.status !== 200 || !type.includes('json')) {
		await response.body?.cancel();
		return response.status;
	}
	const result = (await response.json()) as { type: string; status?: number };
	if (result.type === 'failure' || result.type === 'error') return result.status ?? 500;
	return result.type === 'redirect' ? 303 : 200;
}

function target(path: string, name: string): string {
	return name === 'default' ? path : `${path}?/${name}`;
}

const sides = {
	own: world.own,
	other: world.other,
	unknown: world.unknown,
	missing: world.missing,
	foreignCase: world.foreignCase
};

/** Valid forms posted by everyone on every scope whose path differs: exactly the row's statuses. */
async function explicitMismatches(row: Row, names: string[]): Promise<string[]> {
	const wrong: string[] = [];
	const own = row.path(world.own);
	for (const scope of SCOPES.filter((s) => s === 'own' || row.path(sides[s]) !== own)) {
		for (const who of EVERYONE) {
			for (const name of names) {
				const status = await post(
					target(row.path(sides[scope]), name),
					who,
					server.url,
					row.actionBody
				);
				const want = row.explicitActions![scope][who];
				if (status !== want) wrong.push(`${scope} ${who} ?/${name}: ${status}, expected ${want}`);
			}
		}
	}
	return wrong;
}

const POSTED_SCOPES = ['own', 'other', 'unknown'] as const;

/** Each action's valid form posted by everyone: exactly the statuses its row writes out. */
async function formMismatches(id: string, row: Row, names: string[]): Promise<string[]> {
	const wrong: string[] = [];
	// Outside projects the path is the same on every side: posted once.
	const scopes = row.path(world.own) === row.path(world.other) ? ['own' as const] : POSTED_SCOPES;
	for (const scope of scopes) {
		for (const who of EVERYONE) {
			if (who !== 'anonymous' && SESSION_ENDING.has(id)) continue;
			for (const name of names) {
				const action = row.forms![name];
				const status = await post(
					target(row.path(sides[scope]), name),
					who,
					server.url,
					action.form(sides[scope], who)
				);
				const want = expectedStatus(action, scope, who);
				if (status !== want) wrong.push(`${scope} ${who} ?/${name}: ${status}, expected ${want}`);
			}
		}
	}
	return wrong;
}

/** An empty form from someone without the right: the refusal, not a validation error. */
async function emptyFormMismatches(id: string, row: Row, names: string[]): Promise<string[]> {
	const wrong: string[] = [];
	for (const scope of POSTED_SCOPES) {
		for (const who of EVERYONE) {
			if (who !== 'anonymous' && SESSION_ENDING.has(id)) continue;
			for (const name of names) {
				const want = refusal(row.forms![name], scope, who);
				if (want === null) continue;
				const status = await post(target(row.path(sides[scope]), name), who, server.url);
				if (status !== want) wrong.push(`${scope} ${who} ?/${name}: ${status}, expected ${want}`);
			}
		}
	}
	return wrong;
}

describe('form actions over HTTP', () => {
	it('finds the actions of the pages', () => {
		expect(pages.length).toBeGreaterThan(5);
		expect(pages.map((page) => page.id).filter((id) => !(id in ROWS))).toEqual([]);
	});

	it('has a row for every form action, and no row for an action that is gone', () => {
		const found = Object.fromEntries(pages.map((page) => [page.id, [...page.names].sort()]));
		const listed = Object.fromEntries(
			Object.entries(ROWS)
				.filter(([id, row]) => row.actions || id in found)
				.map(([id, row]) => [id, [...(row.actions ?? [])].sort()])
		);
		expect(listed).toEqual(found);
	});

	it('has a valid form and literal statuses for every action (or writes them out per scope)', () => {
		const missing = pages.flatMap((page) => {
			const row = ROWS[page.id];
			if (row?.explicitActions) return [];
			return page.names.filter((name) => !row?.forms?.[name]).map((name) => `${page.id}?/${name}`);
		});
		expect(missing).toEqual([]);
		const extra = pages.flatMap((page) =>
			Object.keys(ROWS[page.id]?.forms ?? {})
				.filter((name) => !page.names.includes(name))
				.map((name) => `${page.id}?/${name}`)
		);
		expect(extra).toEqual([]);
	});

	for (const page of pages) {
		const row = ROWS[page.id];
		if (!row) continue;
		// Every asker posts every action on every scope: a page of ten actions makes hundreds of
		// requests, so its time grows with its actions (a budget, not a speed claim).
		const budget = Math.max(30_000, page.names.length * 12_000);
		if (row.explicitActions) {
			it(
				`${page.id}: ${page.names.join(', ')}: everyone × every scope as written out`,
				async () => {
					expect(await explicitMismatches(row, page.names)).toEqual([]);
				},
				budget
			);
		}
		if (row.forms) {
			it(
				`${page.id}: ${page.names.join(', ')}: a valid form, everyone × own, other, unknown`,
				async () => {
					expect(await formMismatches(page.id, row, page.names)).toEqual([]);
				},
				budget
			);
			it(
				`${page.id}: an empty form gets the same refusals: the policy is asked first`,
				async () => {
					expect(await emptyFormMismatches(page.id, row, page.names)).toEqual([]);
				},
				budget
			);
		}

		it(`${page.id}: refuses every action from another origin with 403`, async () => {
			const statuses = await Promise.all(
				page.names.map((name) =>
					post(target(row.path(world.own), name), 'coordinator', 'https://evil.example')
				)
			);
			expect(new Set(statuses)).toEqual(new Set([403]));
		});
	}

	it('refuses JSON endpoints from another origin with 403', async () => {
		const proposalPath = ROWS['/projects/[projectId]/proposals/[proposalId]/export/[format]'].path(
			world.own
		);
		const statuses = await Promise.all(
			['/api/session', '/locale', proposalPath].map(async (path) => {
				const response = await fetch(`${server.url}${path}`, {
					method: 'POST',
					redirect: 'manual',
					headers: {
						'content-type': 'application/json',
						origin: 'https://evil.example',
						cookie: world.cookies.coordinator ?? ''
					},
					body: '{}'
				});
				await response.body?.cancel();
				return response.status;
			})
		);
		expect(statuses).toEqual([403, 403, 403]);
	});
});
