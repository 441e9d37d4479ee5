/**
 * Benchmark (not a test): how long the event loop stalls while a long export renders, on the
 * event loop (as before ADR 0200) and in the export worker (now). A 5 ms ticker stands for the
 * sockets and pages the server would be serving meanwhile: its worst lateness is the longest
 * moment nobody was answered. Needs the build (`npm run build`) for the bundled worker.
 *
 *   npm run bench:export            # BENCH_SECTIONS=150 BENCH_RUNS=3 by default
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EXPORT_FORMATS } from '../src/lib/server/export/formats';
import {
	createRenderWorkerPool,
	type RenderFormat
} from '../src/lib/server/export/render-worker-pool';
import { longProposal } from './export-document';
import { watchLoopLateness } from '../tests/support/loop-lateness';

const SECTIONS = Number(process.env.BENCH_SECTIONS ?? 150);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const WORKER = resolve('build/export-render-worker.js');
if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run npm run build first`);

/** Runs `work` while the event loop's lateness is watched. */
async function stallDuring(work: () => Promise<Uint8Array>) {
	const watch = watchLoopLateness();
	const started = performance.now();
	const bytes = await work();
	const ms = performance.now() - started;
	const { lateness, worst } = watch.stop();
	lateness.sort((a, b) => a - b);
	return {
		ms,
		bytes: bytes.byteLength,
		worst,
		p99: lateness[Math.floor(lateness.length * 0.99)] ?? ms
	};
}

const pool = createRenderWorkerPool(WORKER);
const document = longProposal(SECTIONS);
const round = (value: number) => Math.round(value);

console.log(`${SECTIONS} sections, ${RUNS} runs each; milliseconds (median run)`);
console.log('format | where        | render | worst stall | p99 tick lateness | size KB');
for (const format of ['pdf', 'docx', 'odt'] as RenderFormat[]) {
	// One untimed render each way first: fonts, modules and the worker's start are not the export.
	await EXPORT_FORMATS[format].render(document);
	await pool.render(format, document);
	for (const where of ['event loop', 'worker'] as const) {
		const runs = [];
		for (let run = 0; run < RUNS; run++) {
			runs.push(
				await stallDuring(() =>
					where === 'worker'
						? pool.render(format, document)
						: EXPORT_FORMATS[format].render(document)
				)
			);
		}
		runs.sort((a, b) => a.ms - b.ms);
		const median = runs[Math.floor(runs.length / 2)];
		console.log(
			[
				format.padEnd(6),
				where.padEnd(12),
				String(round(median.ms)).padStart(6),
				String(round(median.worst)).padStart(11),
				String(round(median.p99)).padStart(17),
				String(round(median.bytes / 1024)).padStart(7)
			].join(' | ')
		);
	}
}
await pool.stop();
