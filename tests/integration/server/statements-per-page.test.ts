import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PERSON_BY_ROLE, DEMO_PROJECT_ID } from '../../../src/lib/server/demo/ids';
import { DEMO_PROPOSAL_ID } from '../../../src/lib/server/demo/steps/proposals';
import { startTestServer, type TestServer } from '../../support/server';
import { signIn } from '../../support/factories';
import { statementCounter } from '../../support/statements';
import { addCases, addDecisions, addSections } from '../../support/bulk-rows';

/**
 * Issue 15: a page's SQL statements do not grow with the rows it shows. Every main page is
 * loaded on the demo, then again after the project gained hundreds of cases, decisions and
 * sections; a per-row look-up (N+1) makes the second count larger and fails the test. The
 * counts are statements sent through drizzle by one request (db/statement-count.ts), not time.
 */

const project = `/projects/${DEMO_PROJECT_ID}`;
const PAGES = [
	{ name: 'projects', path: '/projects', as: 'coordinator' },
	{ name: 'project home', path: project, as: 'coordinator' },
	{ name: 'canvas', path: `${project}/proposals/${DEMO_PROPOSAL_ID}`, as: 'coordinator' },
	{
		name: 'canvas data',
		path: `${project}/proposals/${DEMO_PROPOSAL_ID}/__data.json`,
		as: 'coordinator'
	},
	{ name: 'governance', path: `${project}/governance`, as: 'coordinator' },
	{ name: 'decision register', path: `${project}/governance/decisions`, as: 'coordinator' },
	{ name: 'cases list', path: `${project}/cases`, as: 'case_operator' },
	{ name: 'cases list (coordinator)', path: `${project}/cases`, as: 'coordinator' }
] as const;

/** What a page costs in statements once warm (the canvas keeps a daily version on first load). */
type Counts = Record<string, { count: number; statements: string[] }>;

let server: TestServer;
const counter = statementCounter();
const cookies: Record<string, string> = {};

async function measure(): Promise<Counts> {
	const counts: Counts = {};
	for (const page of PAGES) {
		await counter.get(`${server.url}${page.path}`, cookies[page.as]);
		const { status, statements } = await counter.get(`${server.url}${page.path}`, cookies[page.as]);
		expect(status, page.name).toBe(200);
		counts[page.name] = { count: statements.length, statements };
	}
	return counts;
}

/** The statements sent more than once, most repeated first: where an N+1 shows. */
function repeated(statements: string[]): string {
	const times = new Map<string, number>();
	for (const statement of statements) times.set(statement, (times.get(statement) ?? 0) + 1);
	return [...times]
		.filter(([, n]) => n > 1)
		.sort((a, b) => b[1] - a[1])
		.map(([statement, n]) => `${n}× ${statement.slice(0, 160)}`)
		.join('\n');
}

describe('SQL statements per page load', () => {
	let small: Counts;
	let large: Counts;

	beforeAll(async () => {
		server = await startTestServer({ seedDemo: true, wrapHandler: counter.wrap });
		const { db } = server.runtime;
		for (const role of ['coordinator', 'case_operator'] as const) {
			cookies[role] = await signIn(db, DEMO_PERSON_BY_ROLE[role]);
		}
		small = await measure();
		await addCases(db, DEMO_PROJECT_ID, DEMO_PERSON_BY_ROLE.case_operator, 200);
		await addDecisions(db, DEMO_PROJECT_ID, 500);
		await addSections(db, DEMO_PROPOSAL_ID, 20);
		large = await measure();
		for (const page of PAGES) {
			console.log(
				`${page.name}: ${small[page.name].count} statements on the demo, ${large[page.name].count} after +200 cases, +500 decisions, +20 sections`
			);
		}
	}, 600_000);

	it.each(PAGES.map((page) => page.name))('%s: as many statements at both sizes', (name) => {
		expect(large[name].count, repeated(large[name].statements)).toBe(small[name].count);
	});

	it.each(PAGES.map((page) => page.name))('%s: no statement sent more than thrice', (name) => {
		const times = new Map<string, number>();
		for (const statement of large[name].statements) {
			times.set(statement, (times.get(statement) ?? 0) + 1);
		}
		expect(Math.max(...times.values()), repeated(large[name].statements)).toBeLessThanOrEqual(3);
	});
});
