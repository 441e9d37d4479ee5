import type { NetworkEdge, NetworkNode } from '../../../src/lib/network/graph-data';

/** Small hand-made networks for the metrics and the analysis worker. */
export const node = (id: string): NetworkNode => ({
	id,
	label: id,
	name: id,
	kind: 'comune',
	role: null,
	areas: [],
	targets: [],
	districtIds: []
});

export const edge = (
	source: string,
	target: string,
	kind: NetworkEdge['kind'] = 'co_action'
): NetworkEdge => ({
	id: `${source}-${target}-${kind}`,
	source,
	target,
	kind,
	label: '',
	fromDate: null,
	toDate: null
});
