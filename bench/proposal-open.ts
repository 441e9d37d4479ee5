/**
 * Benchmark (not a test): open a 10-section proposal holding 30 pages of text in Chromium and
 * measure the time until every section is connected, synced and editable ("interactive"), and
 * the size of the Yjs documents behind it. Needs the build (`npm run build`); starts its own
 * server on a fresh embedded database. Results go in docs/benchmarks.md by hand.
 *
 *   npm run bench:proposal            # BENCH_RUNS=7 by default
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

const PORT = Number(process.env.BENCH_PORT ?? 4393);
const BASE = `http://127.0.0.1:${PORT}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PAGE_CHARS = 3000;
const PAGES = 30;
const SECTIONS = 10;

const words =
	'il progetto accompagna giovani e adulti fragili verso il lavoro con tirocini orientamento e tutoring nei comuni del territorio'.split(
		' '
	);
function paragraphOf(chars: number, seed: number): string {
	let text = '';
	for (let i = seed; text.length < chars; i++) {
		text += (text ? ' ' : '') + words[(i * 7) % words.length];
	}
	return text.slice(0, chars);
}
/** About three pages of HTML for one section: paragraphs and a small table. */
function sectionHtml(index: number): string {
	const perSection = (PAGES * PAGE_CHARS) / SECTIONS;
	const paragraphs = Array.from(
		{ length: 10 },
		(_, i) => `<p>${paragraphOf(perSection / 10, index * 10 + i)}</p>`
	);
	const rows = Array.from(
		{ length: 4 },
		(_, r) => `<tr><td>Comune ${r + 1}</td><td>${1200 + r * 37}</td></tr>`
	);
	return `<h3>Parte ${index + 1}</h3>${paragraphs.join('')}<table><tr><th>Comune</th><th>Residenti 18-64</th></tr>${rows.join('')}</table>`;
}

async function startServer() {
	const dataDir = mkdtempSync(join(tmpdir(), 'tavolo-bench-'));
	const server = spawn('node', ['build/server.js'], {
		env: {
			...process.env,
			DATA_DIR: dataDir,
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN: BASE,
			SEED_DEMO: 'true',
			LOG_LEVEL: 'warn'
		},
		stdio: 'ignore'
	});
	for (let i = 0; i < 120; i++) {
		if (
			await fetch(BASE).then(
				(r) => r.ok,
				() => false
			)
		) {
			break;
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	return () => {
		server.kill('SIGTERM');
		rmSync(dataDir, { recursive: true, force: true });
	};
}

async function waitInteractive(page: Page) {
	await page
		.locator('article[data-section-number] .live-editor-content[contenteditable="true"]')
		.nth(SECTIONS - 1)
		.waitFor({ timeout: 60_000 });
	await page.waitForFunction(
		() => document.querySelectorAll('.live-editor .loading').length === 0,
		null,
		{ timeout: 60_000 }
	);
	await page
		.getByTestId('canvas-connection')
		.filter({ hasText: /Connesso|Connected/ })
		.waitFor({ timeout: 60_000 });
}

async function createFilledProposal(page: Page): Promise<string> {
	await page.goto(`${BASE}/login`);
	await page.fill('input[name=email]', 'giulia.ferraris@demo.tavolo.it');
	await page.fill('input[name=password]', 'tavolo-demo-2026');
	await page.click('main form button[type=submit]');
	await page.waitForURL(/\/projects$/);
	await page.getByRole('link', { name: 'WORK IN PROGRESS' }).first().click();
	await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
	await page.goto(`${page.url()}/calls`);
	await page.getByLabel("Titolo dell'avviso").fill('Avviso benchmark');
	await page
		.getByLabel('Schema della proposta')
		.selectOption({ label: 'Proposta progettuale – schema in dieci punti' });
	await page.getByRole('button', { name: "Pubblica l'avviso" }).click();
	await page.waitForURL(/\/calls\/[0-9a-f-]{36}$/);
	await page.getByLabel('Titolo della proposta').fill('Proposta da 30 pagine');
	await page.getByRole('button', { name: 'Crea la proposta' }).click();
	await page.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
	const url = page.url();
	await waitInteractive(page);
	for (let index = 0; index < SECTIONS; index++) {
		const editor = page.locator(`article[data-section-number="${index + 1}"] .live-editor-content`);
		await editor.click();
		await editor.evaluate((element, html) => {
			const transfer = new DataTransfer();
			transfer.setData('text/html', html);
			element.dispatchEvent(
				new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true })
			);
		}, sectionHtml(index));
	}
	await page.waitForTimeout(3000); // the last updates reach the server and are stored
	return url;
}

async function documentSizes(cookie: string, sectionIds: string[]) {
	const Cookie = class extends WebSocket {
		constructor(address: string | URL, protocols?: string | string[]) {
			super(address, protocols, { headers: { Cookie: cookie } });
		}
	};
	let bytes = 0;
	for (const id of sectionIds) {
		const doc = new Y.Doc();
		const provider = new WebsocketProvider(`ws://127.0.0.1:${PORT}/collab`, `section:${id}`, doc, {
			WebSocketPolyfill: Cookie as unknown as typeof globalThis.WebSocket,
			disableBc: true
		});
		await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
		bytes += Y.encodeStateAsUpdate(doc).length;
		provider.destroy();
		doc.destroy();
	}
	return bytes;
}

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const stop = await startServer();
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
});
try {
	const setup = await browser.newContext({ locale: 'it-IT' });
	const page = await setup.newPage();
	const url = await createFilledProposal(page);
	const state = await setup.storageState();
	const counters = await page.locator('article [data-testid="length-counter"]').allInnerTexts();
	const chars = counters.reduce(
		(sum, text) => sum + Number(/^[\d.]+/.exec(text)?.[0].replace(/\./g, '') ?? 0),
		0
	);
	const sectionIds = await page
		.locator('article[id^="section-"]')
		.evaluateAll((nodes) => nodes.map((n) => n.id.slice('section-'.length)));
	await setup.close();

	const times: number[] = [];
	const loads: number[] = [];
	for (let run = 0; run < RUNS + 1; run++) {
		const context = await browser.newContext({ locale: 'it-IT', storageState: state });
		const tab = await context.newPage();
		const started = Date.now();
		await tab.goto(url);
		await waitInteractive(tab);
		const elapsed = Date.now() - started;
		const load = await tab.evaluate(
			() =>
				performance.getEntriesByType('navigation')[0].toJSON().domContentLoadedEventEnd as number
		);
		if (run > 0) {
			times.push(elapsed);
			loads.push(load);
		}
		await context.close();
	}
	const cookie = state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
	const bytes = await documentSizes(cookie, sectionIds);
	console.log(
		`sections ${SECTIONS}, ${chars} characters = ${(chars / PAGE_CHARS).toFixed(1)} pages`
	);
	console.log(`runs ${RUNS} (after 1 warm-up)`);
	console.log(`DOMContentLoaded median ${median(loads).toFixed(0)} ms`);
	console.log(
		`time to interactive median ${median(times)} ms, min ${Math.min(...times)} ms, max ${Math.max(...times)} ms`
	);
	console.log(
		`Yjs state of the ${SECTIONS} section documents: ${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB)`
	);
} finally {
	await browser.close();
	stop();
}
