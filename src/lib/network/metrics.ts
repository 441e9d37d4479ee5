import { UndirectedGraph } from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import louvain from 'graphology-communities-louvain';
import type { NetworkData } from './graph-data';

/** Per organisation: distinct neighbours, betweenness (normalised, 0–1), cluster, isolation. */
export interface NodeMetrics {
	degree: number;
	betweenness: number;
	cluster: number;
	isolated: boolean;
}

export interface NetworkMetrics {
	byNode: Record<string, NodeMetrics>;
	clusters: number;
	isolated: string[];
	density: number;
	/** False while only degrees are known: betweenness and clusters are still being computed. */
	complete: boolean;
}

/**
 * A simple undirected graph of the data: parallel relations (two organisations linked by the
 * partnership and by an action) count once for degree and betweenness, which measure who is
 * connected to whom, not how many papers say so.
 */
export function simpleGraph(data: NetworkData): UndirectedGraph {
	const graph = new UndirectedGraph();
	for (const node of data.nodes) graph.mergeNode(node.id);
	for (const edge of data.edges) {
		if (edge.source === edge.target) continue;
		if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
		if (!graph.areNeighbors(edge.source, edge.target)) {
			graph.addEdge(edge.source, edge.target);
		}
	}
	return graph;
}

/**
 * What can be known at once (degree, isolated members, density): the first paint of a large
 * network shows these while the full metrics are computed off the main thread.
 */
export function degreeMetrics(data: NetworkData): NetworkMetrics {
	const graph = simpleGraph(data);
	const byNode: Record<string, NodeMetrics> = {};
	const isolated: string[] = [];
	graph.forEachNode((id) => {
		const degree = graph.degree(id);
		if (degree === 0) isolated.push(id);
		byNode[id] = { degree, betweenness: 0, cluster: -1, isolated: degree === 0 };
	});
	return {
		byNode,
		clusters: 0,
		isolated: isolated.sort(),
		density: densityOf(graph),
		complete: false
	};
}

function densityOf(graph: UndirectedGraph): number {
	const n = graph.order;
	return n > 1 ? (2 * graph.size) / (n * (n - 1)) : 0;
}

/** Degree, betweenness (Brandes, via graphology-metrics), Louvain clusters, isolated members. */
export function computeMetrics(data: NetworkData, seed = 1): NetworkMetrics {
	const graph = simpleGraph(data);
	const betweenness = graph.size > 0 ? betweennessCentrality(graph, { normalized: true }) : {};
	// Louvain is randomised: a fixed seed gives the same clusters for the same network.
	let state = seed;
	const rng = () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
	const communities: Record<string, number> = graph.size > 0 ? louvain(graph, { rng }) : {};
	const byNode: Record<string, NodeMetrics> = {};
	const isolated: string[] = [];
	let next = 0;
	const renumber = new Map<number, number>();
	graph.forEachNode((id) => {
		const degree = graph.degree(id);
		if (degree === 0) isolated.push(id);
		let cluster = -1;
		if (degree > 0) {
			const raw = communities[id] ?? 0;
			if (!renumber.has(raw)) renumber.set(raw, next++);
			cluster = renumber.get(raw)!;
		}
		byNode[id] = { degree, betweenness: betweenness[id] ?? 0, cluster, isolated: degree === 0 };
	});
	return {
		byNode,
		clusters: next,
		isolated: isolated.sort(),
		density: densityOf(graph),
		complete: true
	};
}
