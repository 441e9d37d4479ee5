import type { NetworkData } from './graph-data';
import type { NetworkMetrics } from './metrics';
import type { AnalysisAnswer, AnalysisRequest, Position } from './analysis-answer';

/** The page's side of the analysis worker: asks, and keeps each answer with its question. */
let worker: Worker | null | undefined;
let nextId = 0;
const waiting = new Map<
	number,
	{ request: AnalysisRequest; resolve: (a: AnalysisAnswer) => void }
>();

/**
 * Answers on this thread, after the frame in hand has been painted. Loaded on demand: the sums
 * (ForceAtlas2, Brandes, Louvain) belong to the worker's bundle, not the page's.
 */
async function answerHere(request: AnalysisRequest): Promise<AnalysisAnswer> {
	const [{ answerAnalysis }] = await Promise.all([
		import('./analysis-answer'),
		new Promise((resolve) => setTimeout(resolve, 0))
	]);
	return answerAnalysis(request);
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
