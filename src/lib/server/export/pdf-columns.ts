import { inlineText, type Block, type TableCell } from './document-model';
import type { GridSlot } from './table-grid';

const MIN_COLUMN = 18;

/**
 * Column edges (x of each column's left side, then the right side of the last) sized by
 * content, as a browser does with `table-layout: auto`: a column gets at least its longest
 * word, then a share of the rest by how long its text runs on one line. A cronoprogramma's
 * action titles get room; its "X" columns stay narrow.
 */
export function columnEdges(
	doc: PDFKit.PDFDocument,
	slots: GridSlot[][],
	style: (cell: TableCell) => { size: number; bold?: boolean },
	frame: { x: number; width: number },
	padding: number
): { edges: number[]; fits: boolean } {
	const columns = slots[0]?.length ?? 1;
	const natural = Array<number>(columns).fill(MIN_COLUMN);
	const least = Array<number>(columns).fill(MIN_COLUMN);
	slots.forEach((row) =>
		row.forEach((slot, column) => {
			if (slot.kind !== 'cell' || slot.cell.colspan > 1) return;
			const { size, bold } = style(slot.cell);
			doc.font(bold ? 'bold' : 'regular').fontSize(size);
			for (const line of textOf(slot.cell.blocks)) {
				const lineWidth = doc.widthOfString(line) + 2 * padding + 1;
				natural[column] = Math.max(natural[column], lineWidth);
				// Short lines (amounts, dates, "M12") are kept whole, like words.
				for (const word of line.length <= 14 ? [line] : line.split(/\s+/)) {
					const wordWidth = doc.widthOfString(word) + 2 * padding + 1;
					least[column] = Math.max(least[column], wordWidth);
				}
			}
		})
	);
	const widths = share(natural, least, frame.width);
	const edges = [frame.x];
	for (const width of widths) edges.push(edges[edges.length - 1] + width);
	return { edges, fits: least.reduce((a, b) => a + b, 0) <= frame.width };
}

function share(natural: number[], least: number[], total: number): number[] {
	const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
	if (sum(natural) <= total) return natural.map((width) => (width * total) / sum(natural));
	// Words wider than the page allows: shrink everything alike (words then break).
	if (sum(least) >= total) return least.map((width) => (width * total) / sum(least));
	const slack = natural.map((width, i) => width - least[i]);
	const spare = total - sum(least);
	return least.map((width, i) => width + (spare * slack[i]) / sum(slack));
}

/** The lines of text in a cell, for sizing its column. */
function textOf(blocks: readonly Block[]): string[] {
	return blocks.flatMap((block) => {
		switch (block.type) {
			case 'heading':
			case 'paragraph':
				return inlineText(block.content).split('\n');
			case 'list':
				return block.items.flatMap((item) => textOf(item).map((line) => `•  ${line}`));
			default:
				return [];
		}
	});
}
