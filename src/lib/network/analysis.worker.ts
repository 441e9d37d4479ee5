/**
 * The network's heavy sums — Brandes betweenness is O(n·m), ForceAtlas2 iterates over every
 * node — off the main thread, so a map of thousands of organisations paints at once and stays
 * responsive while they run (benchmarks: docs/benchmarks.md, "Network map").
 */
import { answerAnalysis, type AnalysisRequest } from './analysis-answer';

self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
	self.postMessage(answerAnalysis(event.data));
};
