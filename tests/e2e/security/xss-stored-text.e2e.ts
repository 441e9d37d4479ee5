import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { runBuiltServer, waitForOutput, type Started } from '../../support/process';
import type { DemoPersonKey } from '../support/demo-people';
import { signIn } from '../support/session';
import { MARKER } from './text-corpus';

/**
 * Stored text, as partners type it: a payload in front of every free-text value of every table
 * (names of people and organisations, project, call, proposal, template and section texts,
 * comments, versions, bodies, meetings, agenda, decisions, notes, territories) and a
 * `javascript:` address where addresses are kept. Every role then walks every kind of page it
 * can reach in Chromium: nothing runs, no page fails, the payloads show as text; the CSV
 * register neutralises formulas and file names stay plain.
 */
const PORT = Number(process.env.E2E_XSS_PORT ?? 4191);
const BASE = `http://127.0.0.1:${PORT}`;
const ROLES: DemoPersonKey[] = [
	'coordinator',
	'editorAi',
	'facilitator',
	'steeringSole',
	'caseOperator',
	'observer',
	'admin',
	'winWinCoordinator'
];
/** Kinds of page per role: the same route with another id adds nothing. */
const MAX_PAGES = 40;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

let dataDir: string;
let server: Started;

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: BASE });

test.beforeAll(async () => {
	test.setTimeout(120_000);
	dataDir = mkdtempSync(join(tmpdir(), 'tavolo-xss-'));
	const env = { ...process.env, DATA_DIR: dataDir, SEED_DEMO: 'true', LOG_LEVEL: 'warn' };
	execFileSync(process.execPath, ['--import', 'tsx', 'tests/e2e/security/poison-text.ts'], {
		env,
		stdio: 'inherit'
	});
	server = runBuiltServer({
		DATA_DIR: dataDir,
		PORT: String(PORT),
		HOST: '127.0.0.1',
		ORIGIN: BASE,
		SEED_DEMO: 'false'
	});
	await waitForOutput(server, /Tavolo is running/, 60_000);
});

test.afterAll(async () => {
	server?.child.kill('SIGTERM');
	await server?.exited;
	rmSync(dataDir, { recursive: true, force: true });
});

/** Links a person can follow from this page: same origin, not downloads, not signing out. */
async function linksOn(page: Page): Promise<string[]> {
	const hrefs = await page.$$eval('a[href]', (anchors) =>
		anchors.filter((a) => !a.hasAttribute('download')).map((a) => a.getAttribute('href') ?? '')
	);
	return hrefs
		.map((href) => new URL(href, BASE))
		.filter((url) => url.origin === BASE)
		.map((url) => url.pathname)
		.filter((path) => !/\/(logout|collab)\b|\/export\/|\.(ics|csv|docx|odt|pdf)$/.test(path));
}

async function xssFlag(page: Page): Promise<unknown> {
	return page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
}

for (const role of ROLES) {
	test(`${role}: every page renders stored payloads as text and runs none`, async ({ page }) => {
		test.setTimeout(180_000);
		const dialogs: string[] = [];
		page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		await signIn(page, role);

		const queue = ['/projects', '/account'];
		const kinds = new Set<string>();
		let pagesWithPayload = 0;
		while (queue.length > 0 && kinds.size < MAX_PAGES) {
			const path = queue.shift()!;
			const kind = path.replace(UUID, ':id');
			if (kinds.has(kind)) continue;
			kinds.add(kind);
			const response = await page.goto(path);
			expect(response?.status() ?? 0, path).toBeLessThan(500);
			await page.waitForLoadState('load');
			// Let hydration, live documents and anything a payload would trigger run.
			await page.waitForTimeout(300);
			expect(await xssFlag(page), `script ran on ${path}`).toBeUndefined();
			expect(await page.locator('a[href^="javascript:" i]').count(), path).toBe(0);
			if ((await page.locator('body').innerText()).includes(MARKER)) pagesWithPayload++;
			queue.push(...(await linksOn(page)));
		}
		console.log(`[xss] ${role}: ${kinds.size} kinds of page, ${pagesWithPayload} showed payloads`);
		expect(dialogs).toEqual([]);
		// The walk did reach the poisoned text (else it would prove nothing).
		expect(kinds.size).toBeGreaterThan(3);
		expect(pagesWithPayload).toBeGreaterThan(1);
	});
}

test('the CSV register neutralises formulas and export file names stay plain', async ({ page }) => {
	await signIn(page, 'coordinator');
	await page.goto('/projects');
	await page
		.getByRole('link', { name: /WORK IN PROGRESS/ })
		.first()
		.click();
	await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
	const projectId = new URL(page.url()).pathname.split('/').at(-1)!;

	const csv = await page.request.get(`/projects/${projectId}/governance/decisions/register.csv`);
	expect(csv.status()).toBe(200);
	const text = await csv.text();
	expect(text).toContain(MARKER);
	// Decisions' texts start with =HYPERLINK(…): each cell holding one starts with an apostrophe,
	// so a spreadsheet reads it as text.
	expect(text).toContain(`'=HYPERLINK(`);
	expect(text).not.toMatch(/(^|[;\n])"?=HYPERLINK/);

	await page.goto(`/projects/${projectId}/calls`);
	await page.locator('main a[href*="/calls/"]:not([href$="/templates"])').first().click();
	const href = await page.locator('main a[href*="/proposals/"]').first().getAttribute('href');
	const docx = await page.request.get(`${href}/export/docx`);
	expect(docx.status()).toBe(200);
	const disposition = docx.headers()['content-disposition'];
	expect(disposition).toMatch(/^attachment; filename="[^"<>\r\n]+"; filename\*=UTF-8''/);
});
