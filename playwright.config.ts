import { defineConfig, devices } from '@playwright/test';
import { pgliteTemplate } from './tests/support/template-folder';

/**
 * End-to-end tests against the production build (`npm run test:e2e` builds first) on a fresh
 * embedded database seeded with the demo, in Debian's Chromium (`npx playwright install` cannot
 * download browsers here). Override the browser with CHROMIUM_PATH.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DATA_DIR = process.env.E2E_DATA_DIR ?? '/tmp/tavolo-e2e';
// E2E_BASE_URL: run against a server that is already up (no build, no fresh database).
const external = process.env.E2E_BASE_URL;
const baseURL = external ?? `http://127.0.0.1:${PORT}`;
// The migrated template the integration tests built (`npm test` runs first in CI): the server
// starts from a copy of it, as the integration tests' servers do, instead of creating a cluster
// and applying every migration before the first test can start. Without one it migrates.
const template = pgliteTemplate();
const freshData = template
	? `rm -rf ${DATA_DIR} && cp -a ${template} ${DATA_DIR}`
	: `rm -rf ${DATA_DIR}`;

/** The browser every test uses: Debian's Chromium, desktop-sized unless a test says otherwise. */
const CHROMIUM = {
	...devices['Desktop Chrome'],
	viewport: { width: 1280, height: 800 },
	launchOptions: {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-dev-shm-usage',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run'
		]
	}
};

/** Files of several minutes each (a crawl of every page per role, the reflow walks). */
const LONG_WALKS = [/security\/xss-stored-text\.e2e\.ts$/, /reflow\.e2e\.ts$/];

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	outputDir: 'test-results',
	// The tests share one server and one database; two workers fit the two cores.
	workers: 2,
	fullyParallel: false,
	forbidOnly: Boolean(process.env.CI),
	// In CI a failing test gets one more try and is reported as flaky, not hidden: the shared
	// demo notes are written by parallel tests, so rare timing clashes are possible.
	retries: process.env.CI ? 1 : 0,
	// A test walks a person's whole task (sign in, several pages, a live document, axe): a minute
	// on a quiet machine for the longer ones, so 60 s failed them for load, not for a wrong value.
	// Every check keeps its own 10 s limit below.
	timeout: 120_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL,
		locale: 'it-IT',
		timezoneId: 'Europe/Rome',
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure'
	},
	// The walks that take longest go first, one to each worker: files are handed out in project
	// order, and a long walk started last would leave the other worker idle at the end.
	projects: [
		{ name: 'long walks', testMatch: LONG_WALKS, use: CHROMIUM },
		{ name: 'chromium', testIgnore: LONG_WALKS, use: CHROMIUM }
	],
	webServer: external
		? undefined
		: {
				command: `${freshData} && node build/server.js`,
				url: `${baseURL}/`,
				env: {
					DATA_DIR,
					PORT: String(PORT),
					HOST: '127.0.0.1',
					ORIGIN: baseURL,
					SEED_DEMO: 'true',
					LOG_LEVEL: 'warn'
				},
				reuseExistingServer: false,
				timeout: 120_000,
				stdout: 'ignore',
				stderr: 'pipe'
			}
});
