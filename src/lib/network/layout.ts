import { UndirectedGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { NetworkData } from './graph-data';
import { startingPositions } from './starting-positions';

/**
 * Positions for the map: organisations start on a circle (or where they were, so a filter does
 * not reshuffle the picture), then ForceAtlas2 runs a fixed number of iterations. Deterministic:
 * the same data gives the same picture.
 */
export function layoutPositions(
	data: NetworkData,
	previous: Map<string, { x: number; y: number }> = new Map(),
	iterations = data.nodes.length > 1000 ? 60 : 150
): Map<string, { x: number; y: number }> {
	const graph = new UndirectedGraph();
	for (const [id, p] of startingPositions(data, previous)) graph.addNode(id, { x: p.x, y: p.y });
	for (const e of data.edges) {
		if (e.source !== e.target && graph.hasNode(e.source) && graph.hasNode(e.target)) {
			if (!graph.hasEdge(e.source, e.target)) graph.addEdge(e.source, e.target);
		}
	}
	if (graph.size > 0) {
		const settings = forceAtlas2.inferSettings(graph);
		forceAtlas2.assign(graph, {
			iterations,
			settings: { ...settings, barnesHutOptimize: graph.order > 500 }
		});
	}
	const out = new Map<string, { x: number; y: number }>();
	graph.forEachNode((id, attrs) => out.set(id, { x: attrs.x as number, y: attrs.y as number }));
	return out;
}
