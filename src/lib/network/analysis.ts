import type { NetworkData } from './graph-data';
import { layoutPositions } from './layout';
import { computeMetrics, type NetworkMetrics } from './metrics';

export type Position = { x: number; y: number };

/** What the page asks of the analysis worker; `id` lets the asker drop stale answers. */
export type AnalysisRequest =
	| { id: number; task: 'metrics'; data: NetworkData }
	| { id: number; task: 'layout'; data: NetworkData; previous: [string, Position][] };

export type AnalysisAnswer =
	| { id: number; task: 'metrics'; metrics: NetworkMetrics }
	| { id: number; task: 'layout'; positions: [string, Position][] };

/** The worker's whole job, a plain function so it runs (and is tested) anywhere. */
export function answerAnalysis(request: AnalysisRequest): AnalysisAnswer {
	if (request.task === 'metrics') {
		return { id: request.id, task: 'metrics', metrics: computeMetrics(request.data) };
	}
	const positions = layoutPositions(request.data, new Map(request.previous));
	return { id: request.id, task: 'layout', positions: [...positions] };
}

let worker: Worker | null | undefined;
let nextId = 0;
const waiting = new Map<
	number,
	{ request: AnalysisRequest; resolve: (a: AnalysisAnswer) => void }
>();

/** Answers on this thread, after the frame in hand has been painted. */
function answerHere(request: AnalysisRequest): Promise<AnalysisAnswer> {
	return new Promise((resolve) => setTimeout(() => resolve(answerAnalysis(request)), 0));
}

/** One worker per page, started on first use; null where workers cannot start. */
function analysisWorker(): Worker | null {
	if (worker !== undefined) return worker;
	try {
		worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = (event: MessageEvent<AnalysisAnswer>) => {
			waiting.get(event.data.id)?.resolve(event.data);
			waiting.delete(event.data.id);
		};
		worker.onerror = () => {
			// A worker that cannot load answers nothing: this thread answers what it was asked.
			worker = null;
			for (const { request, resolve } of waiting.values()) void answerHere(request).then(resolve);
			waiting.clear();
		};
	} catch {
		worker = null;
	}
	return worker;
}

/** Asks the worker, or this thread where there is none; answers carry the question's id. */
function ask(task: DistributiveOmit<AnalysisRequest, 'id'>): Promise<AnalysisAnswer> {
	const request = { ...task, id: ++nextId } as AnalysisRequest;
	const target = analysisWorker();
	if (!target) return answerHere(request);
	return new Promise((resolve) => {
		waiting.set(request.id, { request, resolve });
		target.postMessage(request);
	});
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export async function metricsOffThread(data: NetworkData): Promise<NetworkMetrics> {
	const answer = await ask({ task: 'metrics', data });
	if (answer.task !== 'metrics') throw new Error('the analysis answered another question');
	return answer.metrics;
}

export async function layoutOffThread(
	data: NetworkData,
	previous: Map<string, Position>
): Promise<Map<string, Position>> {
	const answer = await ask({ task: 'layout', data, previous: [...previous] });
	if (answer.task !== 'layout') throw new Error('the analysis answered another question');
	return new Map(answer.positions);
}
