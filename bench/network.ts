/**
 * `npm run bench:network`: the network map with 2,000 organisations and 10,000 relations, in
 * Debian's Chromium (/usr/bin/chromium, software WebGL on a machine without a GPU). Measures
 * the time from navigation to the first frame of the map, frame times while panning and zooming,
 * and the filter response (select a territory → the summary and map updated). Not a test:
 * numbers depend on the machine; they go in docs/benchmarks.md.
 */
import { chromium } from 'playwright-core';
import { readConfig } from '../src/lib/server/config';
import { startRuntime, stopRuntime } from '../src/lib/server/runtime';
import { seedIfEnabled } from '../src/lib/server/demo/seed';
import { networkRelation, organisation, partnership } from '../src/lib/server/db/schema';
import { DEMO_PROJECT_ID } from '../src/lib/server/demo/ids';
import { DEMO_LOGINS } from '../src/lib/server/demo/logins';
import { createTestDatabase } from '../tests/support/database';
import { createServer } from 'node:net';
import { runBuiltServer, waitForOutput } from '../tests/support/process';

const ORGANISATIONS = 2_000;
const RELATIONS = 10_000;
const KINDS = [
	'comune',
	'cooperativa_sociale_a',
	'cooperativa_sociale_b',
	'associazione',
	'impresa_profit'
] as const;
const KINDS_REL = ['agreement', 'referral', 'internship', 'lab', 'other'] as const;

let seed = 7;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
const percentile = (values: number[], p: number) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

/** A free TCP port (tests/support/instances.ts registers vitest hooks, so not imported here). */
const freePort = () =>
	new Promise<number>((resolve) => {
		const probe = createServer();
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});

const database = await createTestDatabase();
const config = readConfig({ ...database.env, SEED_DEMO: 'true', LOG_LEVEL: 'warn' });
const runtime = await startRuntime({ config, afterMigrate: seedIfEnabled });
const ids: string[] = [];
try {
	const { db } = runtime;
	for (let start = 0; start < ORGANISATIONS; start += 500) {
		const rows = await db
			.insert(organisation)
			.values(
				Array.from({ length: Math.min(500, ORGANISATIONS - start) }, (_, i) => ({
					name: `Ente di prova ${start + i + 1}`,
					kind: pick(KINDS)
				}))
			)
			.returning({ id: organisation.id });
		ids.push(...rows.map((r) => r.id));
	}
	await db.insert(partnership).values(
		ids.slice(0, 200).map((organisationId) => ({
			projectId: DEMO_PROJECT_ID,
			organisationId,
			role: 'network_member' as const,
			areas: [pick(['educativa', 'esperienziale', 'formativa_orientativa'])]
		}))
	);
	for (let start = 0; start < RELATIONS; start += 1_000) {
		await db.insert(networkRelation).values(
			Array.from({ length: 1_000 }, () => {
				const a = pick(ids);
				let b = pick(ids);
				while (b === a) b = pick(ids);
				const year = 2020 + Math.floor(random() * 4);
				return {
					projectId: DEMO_PROJECT_ID,
					sourceId: a,
					targetId: b,
					kind: pick(KINDS_REL),
					fromDate: `${year}-0${1 + Math.floor(random() * 9)}-01`,
					toDate: random() < 0.3 ? `${year + 1}-06-30` : null
				};
			})
		);
	}
} finally {
	await stopRuntime();
}

const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const server = runBuiltServer({
	...database.env,
	HOST: '127.0.0.1',
	PORT: String(port),
	ORIGIN: url,
	SEED_DEMO: 'false',
	REDIS_URL: '',
	LOG_LEVEL: 'warn'
});
await waitForOutput(server, /Tavolo is running/, 120_000);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'it-IT' });
	const coordinator = DEMO_LOGINS.people.find((p) => p.role === 'coordinator')!;
	await page.goto(`${url}/login`);
	await page.fill('input[name="email"]', coordinator.email);
	await page.fill('input[name="password"]', DEMO_LOGINS.password);
	await page.click('main form button[type="submit"]');
	await page.waitForURL(/\/projects$/);

	// First frame: the map drawn (organisations where they start); settled: the layout and the
	// full metrics (betweenness, clusters) arrived from the analysis worker and are shown.
	const firstRenders: number[] = [];
	const settled: number[] = [];
	for (let run = 0; run < 3; run++) {
		const started = Date.now();
		await page.goto(`${url}/projects/${DEMO_PROJECT_ID}/network`);
		await page.locator('[data-testid="network-graph"] canvas').first().waitFor();
		await page.evaluate('new Promise((r) => requestAnimationFrame(() => r(null)))');
		firstRenders.push(Date.now() - started);
		await page.locator('[data-testid="network-graph"][data-layout="settled"]').waitFor({
			timeout: 120_000
		});
		await page.locator('p.summary[aria-busy="false"]').waitFor({ timeout: 120_000 });
		settled.push(Date.now() - started);
	}

	const box = (await page.locator('[data-testid="network-graph"]').boundingBox())!;
	const cx = box.x + box.width / 2;
	const cy = box.y + box.height / 2;
	// Plain strings: tsx would wrap named functions in a helper the page does not have.
	const recordFrames = () =>
		page.evaluate(`(() => {
			window.__frames = [];
			window.__stop = false;
			let last = performance.now();
			const step = (now) => {
				window.__frames.push(now - last);
				last = now;
				if (!window.__stop) requestAnimationFrame(step);
			};
			requestAnimationFrame(step);
		})()`);
	const stopFrames = () =>
		page.evaluate(
			`(() => { window.__stop = true; return window.__frames.slice(1); })()`
		) as Promise<number[]>;

	await recordFrames();
	await page.mouse.move(cx, cy);
	await page.mouse.down();
	for (let i = 0; i < 60; i++) {
		await page.mouse.move(cx + Math.sin(i / 6) * 200, cy + Math.cos(i / 6) * 120);
	}
	await page.mouse.up();
	const pan = await stopFrames();

	await recordFrames();
	for (let i = 0; i < 20; i++) {
		await page.mouse.wheel(0, i % 2 === 0 ? -240 : 240);
		await page.waitForTimeout(30);
	}
	const zoom = await stopFrames();

	const filters: number[] = [];
	const filtersComplete: number[] = [];
	const territory = page.getByRole('form', { name: 'Filtra la rete' }).getByLabel('Relazione');
	for (const value of ['referral', 'agreement', '', 'lab', '']) {
		const before = await page.locator('p.summary').textContent();
		const started = Date.now();
		await territory.selectOption(value);
		await page.waitForFunction(
			`document.querySelector('p.summary')?.textContent !== ${JSON.stringify(before)}`
		);
		await page.evaluate('new Promise((r) => requestAnimationFrame(() => r(null)))');
		filters.push(Date.now() - started);
		await page.locator('p.summary[aria-busy="false"]').waitFor({ timeout: 120_000 });
		filtersComplete.push(Date.now() - started);
	}

	const report = {
		organisations: ORGANISATIONS + 30,
		relations: RELATIONS,
		firstRenderMs: firstRenders,
		settledMs: settled,
		panFrameMs: { p50: percentile(pan, 50), p95: percentile(pan, 95), frames: pan.length },
		zoomFrameMs: { p50: percentile(zoom, 50), p95: percentile(zoom, 95), frames: zoom.length },
		filterMs: filters,
		filterMetricsCompleteMs: filtersComplete
	};
	console.log(JSON.stringify(report, null, 2));
} finally {
	await browser.close();
	server.child.kill('SIGKILL');
	await server.exited;
	await database.drop();
}
