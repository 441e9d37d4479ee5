import { describe, expect, it } from 'vitest';
import { answerAnalysis } from '../../../src/lib/network/analysis-answer';
import { layoutPositions } from '../../../src/lib/network/layout';
import { startingPositions } from '../../../src/lib/network/starting-positions';
import { computeMetrics } from '../../../src/lib/network/metrics';
import type { NetworkData } from '../../../src/lib/network/graph-data';
import { edge, node } from './small-networks';

const net: NetworkData = {
	nodes: ['A', 'B', 'C', 'D'].map(node),
	edges: [edge('A', 'B'), edge('B', 'C'), edge('C', 'D')]
};

describe('the analysis worker', () => {
	it('answers the metrics question with the full metrics, under the same id', () => {
		const answer = answerAnalysis({ id: 7, task: 'metrics', data: net });
		expect(answer).toEqual({ id: 7, task: 'metrics', metrics: computeMetrics(net) });
		if (answer.task !== 'metrics') throw new Error('wrong task');
		// B and C each lie on 2 of the 3 shortest paths between other pairs: 2 / 3.
		expect(answer.metrics.byNode.B.betweenness).toBeCloseTo(2 / 3, 10);
	});

	it('answers the layout question as a list of positions, starting from the previous ones', () => {
		const previous = new Map([['A', { x: 5, y: -5 }]]);
		const answer = answerAnalysis({ id: 8, task: 'layout', data: net, previous: [...previous] });
		expect(answer.id).toBe(8);
		if (answer.task !== 'layout') throw new Error('wrong task');
		expect(new Map(answer.positions)).toEqual(layoutPositions(net, previous));
	});

	it('starts each organisation where it was, the others on a circle', () => {
		const start = startingPositions(net, new Map([['C', { x: 1, y: 2 }]]));
		expect(start.get('C')).toEqual({ x: 1, y: 2 });
		expect(start.get('A')).toEqual({ x: 100, y: 0 });
		expect(start.get('B')!.x).toBeCloseTo(0, 10);
		expect(start.get('B')!.y).toBeCloseTo(100, 10);
	});
});
