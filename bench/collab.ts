/**
 * `npm run bench:collab`: Tavolo's collaboration server (persisting every update to PGlite)
 * against the stock y-websocket 2.1.0 reference server (persisting nothing), same clients,
 * same load. Both run as child processes so their CPU and memory are their own. Results and
 * the machine go in docs/benchmarks.md.
 */
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChild, usage } from './collab/processes';
import { connect, runScenario, synced, until, type Result } from './collab/scenario';

// Every stock provider adds a process 'exit' listener; hundreds of them are expected here.
process.setMaxListeners(0);

const SIZES = process.env.BENCH_SIZES
	? (JSON.parse(process.env.BENCH_SIZES) as number[])
	: [10, 100, 300];
const LOAD = { writers: 10, edits: 500, perSecond: 50 };

interface Ready {
	port: number;
	scenarios: { size: number; name: string; cookies: string[] }[];
	cold: { name: string; cookies: string[]; length: number };
}

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

const dataDir = mkdtempSync(join(tmpdir(), 'tavolo-bench-'));
const tavolo = startChild(
	[
		...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/tavolo-prof'] : []),
		'--import',
		'tsx',
		'bench/collab/tavolo-server.ts'
	],
	{
		DATA_DIR: dataDir,
		SEED_DEMO: 'false',
		LOG_LEVEL: 'warn',
		COLLAB_ROOM_IDLE_MS: '1000',
		BENCH_SIZES: JSON.stringify(SIZES)
	},
	/READY (.*)\n/
);
const referencePort = await freePort();
const reference = startChild(
	['node_modules/y-websocket-reference/bin/server.cjs'],
	{ HOST: '127.0.0.1', PORT: String(referencePort) },
	/running at/
);
try {
	const ready = JSON.parse((await tavolo.ready)[1]) as Ready;
	await reference.ready;
	const tavoloUrl = `ws://127.0.0.1:${ready.port}/collab`;
	const referenceUrl = `ws://127.0.0.1:${referencePort}`;
	const rows: { size: number; reference: Result; tavolo: Result }[] = [];
	for (const scenario of ready.scenarios) {
		const options = { clients: scenario.size, ...LOAD };
		const referenceResult = await runScenario(
			{
				wsUrl: referenceUrl,
				name: scenario.name,
				cookies: scenario.cookies,
				pid: reference.process.pid!
			},
			options
		);
		const tavoloResult = await runScenario(
			{
				wsUrl: tavoloUrl,
				name: scenario.name,
				cookies: scenario.cookies,
				pid: tavolo.process.pid!
			},
			options
		);
		rows.push({ size: scenario.size, reference: referenceResult, tavolo: tavoloResult });
		printScenario(scenario.size, referenceResult, tavoloResult);
	}
	await coldLoad(tavoloUrl, ready.cold);
	const stats = await afterIdle(ready.port);
	console.log(
		`\nupdates appended, each before it was relayed: ${stats.appended}; ` +
			`rooms loaded 3 s after the last client left: ${stats.rooms}`
	);
	const { memory } = stats;
	console.log(
		`tavolo rss at end: ${mb(memory.rss)} MB (V8 heap used ${mb(memory.heapUsed)} MB, ` +
			`outside the heap ${mb(memory.external)} MB, PGlite's WebAssembly memory ` +
			`${mb(memory.pgliteHeap)} MB); reference: ${mb(usage(reference.process.pid!).rssBytes)} MB`
	);
	console.log(`\nJSON ${JSON.stringify(rows)}`);
} finally {
	tavolo.stop();
	reference.stop();
	// Give the children 2 s to stop, clean up, and end: lingering client sockets must not keep a
	// finished benchmark running.
	setTimeout(() => {
		rmSync(dataDir, { recursive: true, force: true });
		process.exit(process.exitCode ?? 0);
	}, 2000);
}

/** The 1 MB document, never opened since it was stored: time until clients hold all of it. */
async function coldLoad(wsUrl: string, cold: Ready['cold']) {
	const started = performance.now();
	const clients = cold.cookies.map((cookie) => connect(wsUrl, cold.name, cookie));
	let first = NaN;
	await Promise.all(
		clients.map(async (client) => {
			await synced(client);
			const complete = client.doc.getText('body').length === cold.length;
			if (complete && Number.isNaN(first)) first = performance.now() - started;
			if (!complete) console.log('  a client was told synced before holding the whole document!');
		})
	);
	const all = performance.now() - started;
	console.log(
		`\ncold load of a ${(cold.length / 1e6).toFixed(2)} MB document stored as 1,000 updates:`
	);
	console.log(
		`  first client holds all of it after ${first.toFixed(0)} ms; all ${clients.length} after ${all.toFixed(0)} ms`
	);
	for (const client of clients) client.provider.destroy();
}

interface Stats {
	appended: number;
	rooms: number;
	memory: { rss: number; heapUsed: number; external: number; pgliteHeap: number };
}

async function afterIdle(port: number): Promise<Stats> {
	await until(() => false, 3000);
	const response = await fetch(`http://127.0.0.1:${port}/stats`);
	return (await response.json()) as Stats;
}

function mb(bytes: number): string {
	return (bytes / 2 ** 20).toFixed(1);
}

function printScenario(size: number, ref: Result, tav: Result) {
	const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '—');
	console.log(
		`\nN = ${size} clients, ${LOAD.writers} writers, ${LOAD.edits} edits at ${LOAD.perSecond}/s`
	);
	console.log('  metric                    reference      tavolo   tavolo/ref');
	const line = (label: string, r: number, t: number, unit: string) =>
		console.log(
			`  ${label.padEnd(24)}${(r.toFixed(1) + unit).padStart(11)}${(t.toFixed(1) + unit).padStart(12)}${ratio(t, r).padStart(12)}`
		);
	line('connect and sync', ref.connectMs, tav.connectMs, ' ms');
	line('propagation p50', ref.p50, tav.p50, ' ms');
	line('propagation p95', ref.p95, tav.p95, ' ms');
	line('propagation p99', ref.p99, tav.p99, ' ms');
	line('server CPU, connecting', ref.connectCpuSeconds, tav.connectCpuSeconds, ' s');
	line('server CPU, editing', ref.cpuSeconds, tav.cpuSeconds, ' s');
	const perEdit = (r: Result) => (r.cpuSeconds * 1000) / LOAD.edits;
	line('  per edit', perEdit(ref), perEdit(tav), ' ms');
	line('server RSS growth', ref.rssGrowthMB, tav.rssGrowthMB, ' MB');
	line('server RSS', ref.rssMB, tav.rssMB, ' MB');
	console.log(
		`  converged                 ${String(ref.converged).padStart(9)}   ${String(tav.converged).padStart(9)}`
	);
}
