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
