import type { NetworkData } from './graph-data';

/**
 * Where each organisation starts: where it was (so a filter does not reshuffle the picture), or
 * on a circle. Cheap, so the map can be drawn at once and settle when the layout arrives.
 */
export function startingPositions(
	data: NetworkData,
	previous: Map<string, { x: number; y: number }> = new Map()
): Map<string, { x: number; y: number }> {
	const n = data.nodes.length || 1;
	return new Map(
		data.nodes.map((node, i) => [
			node.id,
			previous.get(node.id) ?? {
				x: 100 * Math.cos((2 * Math.PI * i) / n),
				y: 100 * Math.sin((2 * Math.PI * i) / n)
			}
		])
	);
}
