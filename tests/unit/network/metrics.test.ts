import { describe, expect, it } from 'vitest';
import { computeMetrics, degreeMetrics } from '../../../src/lib/network/metrics';
import type { NetworkData } from '../../../src/lib/network/graph-data';
import { edge, node } from './small-networks';

/**
 * Two triangles joined by the bridge C–D, and G alone:
 *
 *   A─┐        ┌─E
 *   │ C ────── D │
 *   B─┘        └─F          G
 *
 * By hand: C lies on every shortest path from {A, B} to {D, E, F}: 2 × 3 = 6 pairs; D on those
 * from {A, B, C} to {E, F}: 6 pairs; nobody else bridges. Normalised by (n−1)(n−2)/2 = 15 for
 * n = 7: C = D = 0.4. Degrees: C, D 3; A, B, E, F 2; G 0. Density 2·7 / (7·6) = 1/3.
 */
const bridge: NetworkData = {
	nodes: ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map(node),
	edges: [
		edge('A', 'B'),
		edge('B', 'C'),
		edge('A', 'C'),
		edge('C', 'D'),
		edge('D', 'E'),
		edge('E', 'F'),
		edge('D', 'F'),
		// A second relation between the same two organisations counts once.
		edge('C', 'D', 'partnership')
	]
};

describe('network metrics on a hand-computed graph', () => {
	const metrics = computeMetrics(bridge);

	it('counts distinct neighbours as the degree', () => {
		const degrees = Object.fromEntries(
			Object.entries(metrics.byNode).map(([id, m]) => [id, m.degree])
		);
		expect(degrees).toEqual({ A: 2, B: 2, C: 3, D: 3, E: 2, F: 2, G: 0 });
	});

	it('finds the bridges by betweenness', () => {
		expect(metrics.byNode.C.betweenness).toBeCloseTo(0.4, 10);
		expect(metrics.byNode.D.betweenness).toBeCloseTo(0.4, 10);
		for (const id of ['A', 'B', 'E', 'F', 'G']) expect(metrics.byNode[id].betweenness).toBe(0);
	});

	it('finds the two triangles as clusters and G as isolated', () => {
		expect(metrics.clusters).toBe(2);
		expect(metrics.byNode.A.cluster).toBe(metrics.byNode.B.cluster);
		expect(metrics.byNode.A.cluster).toBe(metrics.byNode.C.cluster);
		expect(metrics.byNode.D.cluster).toBe(metrics.byNode.E.cluster);
		expect(metrics.byNode.D.cluster).not.toBe(metrics.byNode.C.cluster);
		expect(metrics.isolated).toEqual(['G']);
		expect(metrics.byNode.G).toMatchObject({ isolated: true, cluster: -1 });
	});

	it('computes the density', () => {
		expect(metrics.density).toBeCloseTo(1 / 3, 10);
	});

	it('copes with an empty network', () => {
		expect(computeMetrics({ nodes: [], edges: [] })).toEqual({
			byNode: {},
			clusters: 0,
			isolated: [],
			density: 0,
			complete: true
		});
	});

	it('knows degrees, isolation and density at once, and says the rest is still coming', () => {
		const quick = degreeMetrics(bridge);
		expect(quick.complete).toBe(false);
		expect(quick.density).toBeCloseTo(1 / 3, 10);
		expect(quick.isolated).toEqual(['G']);
		for (const id of ['A', 'B', 'C', 'D', 'E', 'F', 'G']) {
			expect(quick.byNode[id].degree).toBe(metrics.byNode[id].degree);
		}
		expect(quick.byNode.C.betweenness).toBe(0);
	});
});
