import type { NetworkData } from './graph-data';
import type { NetworkMetrics } from './metrics';
import { edgeColour, nodeColour, nodeSize } from './graph-style';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The map as a standalone SVG: edges, nodes and labels at the given viewport positions. */
export function toSvg(
	data: NetworkData,
	metrics: NetworkMetrics,
	position: (id: string) => { x: number; y: number },
	{ width, height, title }: { width: number; height: number; title: string }
): string {
	const at = new Map(data.nodes.map((n) => [n.id, position(n.id)]));
	const lines = data.edges
		.filter((e) => at.has(e.source) && at.has(e.target))
		.map((e) => {
			const a = at.get(e.source)!;
			const b = at.get(e.target)!;
			return `<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke="${edgeColour(e.kind)}" stroke-width="1"/>`;
		});
	const circles = data.nodes.map((n) => {
		const p = at.get(n.id)!;
		const r = nodeSize(metrics.byNode[n.id]?.degree ?? 0, n.role) / 2;
		return (
			`<g><title>${escape(n.name)}</title><circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${r.toFixed(1)}" fill="${nodeColour(n.kind)}"/>` +
			`<text x="${(p.x + r + 2).toFixed(1)}" y="${(p.y + 4).toFixed(1)}" font-family="Titillium Web, sans-serif" font-size="11" fill="#1a1a1a">${escape(n.label)}</text></g>`
		);
	});
	return (
		`<?xml version="1.0" encoding="UTF-8"?>\n` +
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">` +
		`<title>${escape(title)}</title><rect width="100%" height="100%" fill="#fff"/>` +
		`${lines.join('')}${circles.join('')}</svg>\n`
	);
}
