/**
 * The network of a project as plain data (browser-safe): organisations as nodes, relations as
 * edges with optional from / to dates. Filters, the network at a date, and what changed between
 * two dates are pure functions here, shared by the map, its table and the tests.
 */

export interface NetworkNode {
	id: string;
	label: string;
	name: string;
	kind: string;
	/** The partnership role, or null for an organisation outside the partnership. */
	role: string | null;
	areas: string[];
	targets: string[];
	districtIds: string[];
}

export type EdgeKind =
	| 'partnership'
	| 'agreement'
	| 'co_action'
	| 'referral'
	| 'internship'
	| 'hire'
	| 'lab'
	| 'decision'
	| 'other';

export interface NetworkEdge {
	id: string;
	source: string;
	target: string;
	kind: EdgeKind;
	label: string;
	/** For relations derived from cases: how many people (never who). */
	count?: number;
	fromDate: string | null;
	toDate: string | null;
}

export interface NetworkData {
	nodes: NetworkNode[];
	edges: NetworkEdge[];
}

export interface NetworkFilter {
	area?: string;
	target?: string;
	districtId?: string;
	kind?: string;
	relation?: string;
	/** ISO day: the network as it was on that day. */
	at?: string;
}

/** Is a relation in force on `day`? Open ends count as always. */
export function activeOn(edge: Pick<NetworkEdge, 'fromDate' | 'toDate'>, day: string): boolean {
	return (!edge.fromDate || edge.fromDate <= day) && (!edge.toDate || edge.toDate >= day);
}

/**
 * The part of the network a filter selects. Node filters (area, target, territory, kind) keep
 * matching organisations; an organisation with no territory counts as working on all of them.
 * Edge filters (relation, date) keep matching relations between kept organisations.
 */
export function filterNetwork(data: NetworkData, filter: NetworkFilter): NetworkData {
	const nodes = data.nodes.filter(
		(n) =>
			(!filter.area || n.areas.includes(filter.area)) &&
			(!filter.target || n.targets.includes(filter.target)) &&
			(!filter.districtId ||
				n.districtIds.length === 0 ||
				n.districtIds.includes(filter.districtId)) &&
			(!filter.kind || n.kind === filter.kind)
	);
	const kept = new Set(nodes.map((n) => n.id));
	const edges = data.edges.filter(
		(e) =>
			kept.has(e.source) &&
			kept.has(e.target) &&
			(!filter.relation || e.kind === filter.relation) &&
			(!filter.at || activeOn(e, filter.at))
	);
	return { nodes, edges };
}

export interface NetworkChange {
	added: NetworkEdge[];
	removed: NetworkEdge[];
	/** Organisations with no relation on the first day and some on the second, and vice versa. */
	joined: string[];
	left: string[];
}

/** What changed between two days: relations that started or ended, organisations that came or went. */
export function changesBetween(
	edges: readonly NetworkEdge[],
	from: string,
	to: string
): NetworkChange {
	const [a, b] = from <= to ? [from, to] : [to, from];
	const before = edges.filter((e) => activeOn(e, a));
	const after = edges.filter((e) => activeOn(e, b));
	const beforeIds = new Set(before.map((e) => e.id));
	const afterIds = new Set(after.map((e) => e.id));
	const touched = (list: NetworkEdge[]) => new Set(list.flatMap((e) => [e.source, e.target]));
	const was = touched(before);
	const is = touched(after);
	return {
		added: after.filter((e) => !beforeIds.has(e.id)),
		removed: before.filter((e) => !afterIds.has(e.id)),
		joined: [...is].filter((id) => !was.has(id)).sort(),
		left: [...was].filter((id) => !is.has(id)).sort()
	};
}

/** Every day a relation starts or ends, sorted: the stops of the date slider. */
export function dateStops(edges: readonly NetworkEdge[]): string[] {
	const days = new Set<string>();
	for (const e of edges) {
		if (e.fromDate) days.add(e.fromDate);
		if (e.toDate) days.add(e.toDate);
	}
	return [...days].sort();
}
