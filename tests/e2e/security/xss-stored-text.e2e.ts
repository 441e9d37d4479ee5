import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { runBuiltServer, waitForOutput, type Started } from '../../support/process';
import { copyPgliteTemplate } from '../../support/template-folder';
import type { DemoPersonKey } from '../support/demo-people';
import { demoPerson } from '../support/demo-people';
import { signIn } from '../support/session';
import { docxText, pdfText } from '../../support/export-text';
import { strFromU8, unzipSync } from 'fflate';
import {
	forbiddenTokens,
	readCanaries,
	tokensIn,
	type IdentityCanaries
} from './identity-canaries';
import { documentText, readLiveDocument } from './live-documents';
import { settled } from './settled';
import { MARKER } from './text-corpus';

/**
 * Stored text, as partners type it: a payload in front of every free-text value of every table
 * (names of people and organisations, project, call, proposal, template and section texts,
 * comments, versions, bodies, meetings, agenda, decisions, notes, territories) and a
 * `javascript:` address where addresses are kept. Every role then walks every kind of page it
 * can reach in Chromium: nothing runs, no page fails, the payloads show as text; the CSV
 * register neutralises formulas and file names stay plain.
 *
 * The same walk carries the identity canaries (identity-canaries.ts): no page (its HTML, which
 * holds the data `__data.json` would give), no export, no live document the role can open (each
 * one of the data set is asked for over the collaboration socket and read whole) and no line of
 * the server log shows a followed person's name, contact or note to anyone but that record's
 * own case operators.
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
let canaries: IdentityCanaries;

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: BASE });

test.beforeAll(async () => {
	test.setTimeout(120_000);
	dataDir = mkdtempSync(join(tmpdir(), 'tavolo-xss-'));
	// From the migrated template when the integration tests built one: no cluster to create and
	// no migration to apply before the seed and the poison.
	copyPgliteTemplate(dataDir);
	const env = { ...process.env, DATA_DIR: dataDir, SEED_DEMO: 'true', LOG_LEVEL: 'warn' };
	execFileSync(process.execPath, ['--import', 'tsx', 'tests/e2e/security/poison-text.ts'], {
		env,
		stdio: 'inherit'
	});
	canaries = readCanaries(dataDir);
	server = runBuiltServer({
		DATA_DIR: dataDir,
		PORT: String(PORT),
		HOST: '127.0.0.1',
		ORIGIN: BASE,
		SEED_DEMO: 'false',
		// What the server says at info level is part of what the canaries search.
		LOG_LEVEL: 'info'
	});
	await waitForOutput(server, /Tavolo is running/, 60_000);
});

test.afterAll(async () => {
	server?.child.kill('SIGTERM');
	await server?.exited;
	rmSync(dataDir, { recursive: true, force: true });
});

/** A download's path: an export, a file by its extension, or a format as the last segment. */
const DOWNLOAD = /\/export\/|\.(ics|csv|docx|odt|pdf)$|\/(docx|odt|pdf)$/;

/** Links a person can follow from this page: same origin, not downloads, not signing out. */
async function linksOn(page: Page): Promise<string[]> {
	const hrefs = await page.$$eval('a[href]', (anchors) =>
		anchors.filter((a) => !a.hasAttribute('download')).map((a) => a.getAttribute('href') ?? '')
	);
	return hrefs
		.map((href) => new URL(href, BASE))
		.filter((url) => url.origin === BASE)
		.map((url) => url.pathname)
		.filter((path) => !/\/(logout|collab)\b/.test(path) && !DOWNLOAD.test(path));
}

/** Downloads a person can take from this page: exports, registers, calendars. */
async function exportsOn(page: Page): Promise<string[]> {
	const hrefs = await page.$$eval('a[href]', (anchors) =>
		anchors.map((a) => a.getAttribute('href') ?? '')
	);
	return hrefs
		.map((href) => new URL(href, BASE))
		.filter((url) => url.origin === BASE)
		.map((url) => url.pathname)
		.filter((path) => DOWNLOAD.test(path));
}

/**
 * Runs `task` on every item with at most `width` at once: the server answers one while the test
 * reads another, and the checks are the same as one after the other.
 */
async function eachAtMost<T>(items: T[], width: number, task: (item: T) => Promise<void>) {
	let next = 0;
	const lane = async () => {
		while (next < items.length) await task(items[next++]);
	};
	await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
}

/**
 * Tasks started as they are found, at most `width` at once; `done()` waits for every one and
 * fails with the first failure (a failure meanwhile waits for it, it is not lost).
 */
function lanes(width: number) {
	let running = 0;
	const waiting: (() => void)[] = [];
	const all: Promise<void>[] = [];
	return {
		add(task: () => Promise<void>) {
			const run = (async () => {
				if (running < width) running++;
				else await new Promise<void>((resolve) => waiting.push(resolve));
				try {
					await task();
				} finally {
					// The lane goes to the next task waiting, or is freed.
					const next = waiting.shift();
					if (next) next();
					else running--;
				}
			})();
			run.catch(() => {});
			all.push(run);
		},
		done: async () => {
			await Promise.all(all);
		}
	};
}

/**
 * Every live document of the data set, asked for with the page's session: those the server
 * opens are read whole and must hold no forbidden token. Returns how many it opened.
 */
async function scanLiveDocuments(page: Page, forbidden: string[]): Promise<number> {
	const session = (await page.context().cookies()).find((c) => c.name === 'tavolo_session');
	expect(session, 'signed in').toBeDefined();
	const collab = `${BASE.replace(/^http/, 'ws')}/collab`;
	let opened = 0;
	await eachAtMost(canaries.documents, 3, async (name) => {
		const doc = await readLiveDocument(collab, name, `tavolo_session=${session!.value}`, BASE);
		if (!doc) return;
		opened++;
		expect(tokensIn(documentText(doc), forbidden), `identity of a case in ${name}`).toEqual([]);
		doc.destroy();
	});
	return opened;
}

/** A download's text as its reader gets it: DOCX and ODT bodies, PDF pages, or plain text. */
async function downloadText(body: Buffer, contentType: string): Promise<string> {
	const bytes = new Uint8Array(body);
	if (contentType.includes('wordprocessingml')) return docxText(bytes);
	if (contentType.includes('opendocument')) return strFromU8(unzipSync(bytes)['content.xml']);
	if (contentType.includes('pdf')) return pdfText(bytes);
	return body.toString('utf8');
}

const seconds = (from: number, to: number) => `${((to - from) / 1000).toFixed(1)} s`;

async function xssFlag(page: Page): Promise<unknown> {
	return page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
}

for (const role of ROLES) {
	test(`${role}: every page renders stored payloads as text and runs none`, async ({ page }) => {
		test.setTimeout(240_000);
		const dialogs: string[] = [];
		page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		await signIn(page, role);
		const started = Date.now();

		const queue = ['/projects', '/account'];
		const kinds = new Set<string>();
		const downloads = new Map<string, string>();
		let pagesWithPayload = 0;
		const forbidden = forbiddenTokens(canaries, demoPerson(role).email);
		const own = canaries.cases.map((c) => c.token).filter((t) => !forbidden.includes(t));
		let ownSeen = 0;
		// The live documents and the downloads are read from Node while the browser walks (the
		// same session, the same checks): each waits on the server at other moments than the walk.
		let liveDocumentsRead = 0;
		const liveDocuments = scanLiveDocuments(page, forbidden).then(
			(opened) => ((liveDocumentsRead = Date.now()), opened)
		);
		liveDocuments.catch(() => {});
		const downloadChecks = lanes(2);
		const readDownload = async (download: string) => {
			const response = await page.request.get(download);
			expect(response.status(), download).toBeLessThan(500);
			if (!response.ok()) return;
			const text = await downloadText(
				await response.body(),
				response.headers()['content-type'] ?? ''
			);
			expect(tokensIn(text, forbidden), `identity of a case in ${download}`).toEqual([]);
		};
		while (queue.length > 0 && kinds.size < MAX_PAGES) {
			const path = queue.shift()!;
			const kind = path.replace(UUID, ':id');
			if (kinds.has(kind)) continue;
			kinds.add(kind);
			const response = await page.goto(path);
			expect(response?.status() ?? 0, path).toBeLessThan(500);
			// Hydrated, live documents synced, images settled: a payload's handler has had its turn.
			await settled(page);
			expect(await xssFlag(page), `script ran on ${path}`).toBeUndefined();
			expect(await page.locator('a[href^="javascript:" i]').count(), path).toBe(0);
			if ((await page.locator('body').innerText()).includes(MARKER)) pagesWithPayload++;
			const html = await page.content();
			expect(
				tokensIn(html, forbidden),
				`identity of another organisation's case on ${path}`
			).toEqual([]);
			if (tokensIn(html, own).length > 0) ownSeen++;
			queue.push(...(await linksOn(page)));
			for (const download of await exportsOn(page)) {
				const downloadKind = download.replace(UUID, ':id');
				if (downloads.has(downloadKind)) continue;
				downloads.set(downloadKind, download);
				downloadChecks.add(() => readDownload(download));
			}
		}
		const walked = Date.now();
		await downloadChecks.done();
		const downloaded = Date.now();
		console.log(`[canary] ${role}: ${downloads.size} kinds of download read`);
		const opened = await liveDocuments;
		console.log(`[canary] ${role}: ${opened} of ${canaries.documents.length} live documents read`);
		console.log(
			`[time] ${role}: walk ${seconds(started, walked)}; downloads done ` +
				`${seconds(walked, downloaded)} after it; live documents read in ` +
				`${seconds(started, liveDocumentsRead)}`
		);
		if (role !== 'admin') expect(opened, `${role} opened no live document`).toBeGreaterThan(0);
		// A case operator does meet its own people: the canary is live, so its absence elsewhere
		// means something.
		if (own.length > 0) expect(ownSeen, `${role} saw its own cases' identity`).toBeGreaterThan(0);
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

test('the server log names no one: no identity canary in anything it printed', async () => {
	const all = canaries.cases.map((c) => c.token);
	expect(all.length).toBeGreaterThan(0);
	expect(tokensIn(server.output(), all)).toEqual([]);
});
