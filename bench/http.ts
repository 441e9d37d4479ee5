/**
 * `npm run bench:http` (issue 15): the main pages under concurrent signed-in users, against the
 * production build (`node build/server.js`) on the embedded database (PGlite) — or on
 * PostgreSQL when DATABASE_URL is set. The demo data, plus 20,000 decisions in the decision
 * register and 2,000 case records in the case operator's list. `/healthz` of the same build is
 * the machine's ceiling in the same run. Not a test: the figures go in docs/benchmarks.md.
 *
 *   npm run bench:http                 # BENCH_SECONDS=10 BENCH_CONNECTIONS=50,200
 *   DATABASE_URL=postgres://… npm run bench:http
 *   BENCH_PAGES=register,cases npm run bench:http      # only pages whose name has one of these
 *   BENCH_SERVER_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' BENCH_SERVER_LOG=/tmp/server.log …
 *
 * BENCH_SERVER_LOG: the server's output goes to that file, at LOG_LEVEL=debug (the admission
 * gate's queue, once a second while it is busy). BENCH_SERVER_ARGS: options for its `node`.
 * BENCH_VARIANTS='HTTP_NEWEST_FIRST_AFTER_MS=999999;HTTP_MAX_CONCURRENT=4 X=1': the runs are
 * repeated with a server started with each variant's settings, on the same seeded database.
 */
import { spawn } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { readConfig } from '../src/lib/server/config';
import { startRuntime, stopRuntime } from '../src/lib/server/runtime';
import { seedIfEnabled } from '../src/lib/server/demo/seed';
import { DEMO_PERSON_BY_ROLE, DEMO_PROJECT_ID } from '../src/lib/server/demo/ids';
import { DEMO_PROPOSAL_ID } from '../src/lib/server/demo/steps/proposals';
import { createTestDatabase } from '../tests/support/database';
import { signIn } from '../tests/support/factories';
import { addCases, addDecisions } from '../tests/support/bulk-rows';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** `BENCH_CONNECTIONS=` (empty): each page alone, no load runs. */
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '50,200')
	.split(',')
	.filter(Boolean)
	.map(Number);
/** Timed fetches of each page alone, after one that warms it up. */
const ALONE_RUNS = Number(process.env.BENCH_ALONE_RUNS ?? 5);
const DECISIONS = 20_000;
const CASES = 2_000;
const PORT = Number(process.env.BENCH_PORT ?? 4394);
/** Substrings of page names, comma-separated (case-insensitive); empty: every page. */
const PAGE_FILTER = (process.env.BENCH_PAGES ?? '')
	.split(',')
	.map((part) => part.trim().toLowerCase())
	.filter(Boolean);
const SERVER_ARGS = (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);
const SERVER_LOG = process.env.BENCH_SERVER_LOG;
/** Server settings per variant: `;` between variants, spaces between `NAME=value` pairs. */
const VARIANTS = (process.env.BENCH_VARIANTS ?? '').split(';').map((variant) =>
	Object.fromEntries(
		variant
			.split(' ')
			.filter(Boolean)
			.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)])
	)
);
const BASE = `http://127.0.0.1:${PORT}`;
/** Past this a request counts as a timeout, as a person would give up on it. */
const TIMEOUT_SECONDS = 10;

if (!existsSync('build/server.js')) throw new Error('build/server.js is missing: npm run build');

const database = await createTestDatabase();
const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';

/** Seeded through the runtime in this process, then closed: PGlite's folder takes one process. */
async function seed(): Promise<{ coordinator: string; operator: string }> {
	const runtime = await startRuntime({
		config: readConfig({ ...database.env, SEED_DEMO: 'true', LOG_LEVEL: 'warn' }),
		afterMigrate: seedIfEnabled
	});
	try {
		const { db } = runtime;
		await addDecisions(db, DEMO_PROJECT_ID, DECISIONS);
		const operatorId = DEMO_PERSON_BY_ROLE.case_operator;
		await addCases(db, DEMO_PROJECT_ID, operatorId, CASES);
		return {
			coordinator: await signIn(db, DEMO_PERSON_BY_ROLE.coordinator),
			operator: await signIn(db, operatorId)
		};
	} finally {
		await stopRuntime();
	}
}

async function startServer(variant: Record<string, string>, index: number) {
	const log = SERVER_LOG ? openSync(index ? `${SERVER_LOG}.${index}` : SERVER_LOG, 'w') : undefined;
	const server = spawn('node', [...SERVER_ARGS, 'build/server.js'], {
		env: {
			...process.env,
			...database.env,
			...variant,
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN: BASE,
			SEED_DEMO: 'false',
			LOG_LEVEL: log === undefined ? 'warn' : 'debug'
		},
		stdio: ['ignore', log ?? 'ignore', log ?? 'inherit']
	});
	for (let tries = 0; tries < 600; tries++) {
		const up = await fetch(`${BASE}/healthz`).then(
			(r) => r.ok,
			() => false
		);
		if (up) return server;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	server.kill();
	throw new Error('the server did not start within 60 s');
}

interface Page {
	name: string;
	path: string;
	cookie?: string;
}

async function load(page: Page, connections: number) {
	const result = await autocannon({
		url: `${BASE}${page.path}`,
		connections,
		duration: SECONDS,
		timeout: TIMEOUT_SECONDS,
		headers: page.cookie ? { cookie: page.cookie } : {}
	});
	return {
		page: page.name,
		connections,
		requestsPerSecond: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		timeouts: result.timeouts,
		errors: result.non2xx + result.errors - result.timeouts
	};
}

console.log(`${engine}: seeding the demo, ${DECISIONS} decisions, ${CASES} case records…`);
const cookies = await seed();
const project = `/projects/${DEMO_PROJECT_ID}`;
const allPages: Page[] = [
	{ name: '/healthz (ceiling)', path: '/healthz' },
	{ name: '/projects', path: '/projects', cookie: cookies.coordinator },
	{ name: 'project home', path: project, cookie: cookies.coordinator },
	{
		name: 'canvas page data',
		path: `${project}/proposals/${DEMO_PROPOSAL_ID}/__data.json`,
		cookie: cookies.coordinator
	},
	{ name: 'governance', path: `${project}/governance`, cookie: cookies.coordinator },
	{
		name: `decision register (${DECISIONS})`,
		path: `${project}/governance/decisions`,
		cookie: cookies.coordinator
	},
	{ name: `cases list (${CASES})`, path: `${project}/cases`, cookie: cookies.operator },
	{ name: 'monitoring', path: `${project}/monitoring`, cookie: cookies.coordinator }
];
const pages = allPages.filter(
	(page) =>
		PAGE_FILTER.length === 0 || PAGE_FILTER.some((part) => page.name.toLowerCase().includes(part))
);
try {
	for (const [index, variant] of VARIANTS.entries()) {
		if (VARIANTS.length > 1) console.log(`\n## server with ${JSON.stringify(variant)}`);
		const server = await startServer(variant, index);
		try {
			await measure();
		} finally {
			server.kill('SIGTERM');
			await new Promise((resolve) => server.once('exit', resolve));
		}
	}
} finally {
	await database.drop();
}

async function measure() {
	// Every page alone first: a page that does not answer 200 would measure an error page. The
	// first fetch warms the page up; the median of the others is what one person waits on an
	// idle server.
	console.log(
		`page | alone, ms (median of ${ALONE_RUNS}) | load average: ${loadavg()
			.map((l) => l.toFixed(1))
			.join(' ')}`
	);
	for (const page of pages) {
		const times: number[] = [];
		for (let time = 0; time <= ALONE_RUNS; time++) {
			const started = performance.now();
			const response = await fetch(`${BASE}${page.path}`, {
				headers: page.cookie ? { cookie: page.cookie } : {},
				redirect: 'manual'
			});
			await response.arrayBuffer();
			if (time > 0) times.push(performance.now() - started);
			if (response.status !== 200) throw new Error(`${page.path} answered ${response.status}`);
		}
		times.sort((a, b) => a - b);
		console.log(`${page.name} | ${Math.round(times[Math.floor(times.length / 2)])}`);
	}
	console.log(
		`load average after the pages alone: ${loadavg()
			.map((l) => l.toFixed(1))
			.join(' ')}`
	);
	console.log(
		`${engine}, ${SECONDS} s per run, load average before: ${loadavg()
			.map((l) => l.toFixed(1))
			.join(' ')}`
	);
	console.log('page | users | req/s | % of ceiling | p50 ms | p99 ms | timeouts | errors | load');
	for (const connections of CONNECTIONS) {
		let ceiling = 0;
		for (const page of pages) {
			const row = await load(page, connections);
			if (page.path === '/healthz') ceiling = row.requestsPerSecond;
			const share = ceiling ? `${Math.round((100 * row.requestsPerSecond) / ceiling)} %` : '—';
			console.log(
				[
					row.page,
					connections,
					Math.round(row.requestsPerSecond),
					share,
					row.p50,
					row.p99,
					row.timeouts,
					row.errors,
					loadavg()[0].toFixed(1)
				].join(' | ')
			);
		}
	}
	console.log(
		`load average after: ${loadavg()
			.map((l) => l.toFixed(1))
			.join(' ')}`
	);
}
