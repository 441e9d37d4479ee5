import type { Block, TableCell } from './document-model';
import { bottomOf, PARAGRAPH_GAP, type CellBlocks, type Frame, type Struct } from './pdf-frame';
import { drawRuns, runsOf, type TextStyle } from './pdf-text';
import { columnEdges } from './pdf-columns';
import { leadingHeaderRows, tableGrid, type GridSlot } from './table-grid';

type TableBlock = Extract<Block, { type: 'table' }>;

const PADDING = 4;
const HEADER_FILL = '#e8e8e8';
/** Font sizes tried in turn until every column's longest word fits (wide tables get smaller text). */
const SIZES = [9.5, 8.5, 7.5, 6.5];

interface Layout {
	edges: number[];
	style: (cell: TableCell) => TextStyle;
	cells: CellBlocks;
}

function layout(
	doc: PDFKit.PDFDocument,
	slots: GridSlot[][],
	frame: Frame,
	cells: CellBlocks
): Layout {
	let chosen: Layout | undefined;
	for (const size of SIZES) {
		const style = (cell: TableCell): TextStyle => ({ size, bold: cell.header });
		const { edges, fits } = columnEdges(doc, slots, style, frame, PADDING);
		chosen = { edges, style, cells };
		if (fits) break;
	}
	return chosen!;
}

/**
 * A table tagged Table/TR/TH/TD (header cells scoped, spans as attributes). When it runs onto a
 * new page its header rows are drawn again, as artifacts: read once, seen on every page.
 */
export function drawTable(
	doc: PDFKit.PDFDocument,
	block: TableBlock,
	frame: Frame,
	parent: Struct,
	cells: CellBlocks
): void {
	const { slots } = tableGrid(block.rows);
	const columns = layout(doc, slots, frame, cells);
	const heights = rowHeights(doc, slots, columns);
	const headerRows = leadingHeaderRows(block.rows);
	const table = doc.struct('Table');
	parent.add(table);
	// A header row never ends a page alone.
	if (doc.y + heights[0] + (heights[headerRows] ?? 0) > bottomOf(doc)) doc.addPage();
	slots.forEach((row, index) => {
		if (doc.y + heights[index] > bottomOf(doc)) {
			doc.addPage();
			if (index >= headerRows) {
				for (let h = 0; h < headerRows; h++) {
					drawRow(doc, slots[h], columns, heights.slice(h), null);
				}
			}
		}
		const tr = doc.struct('TR');
		table.add(tr);
		drawRow(doc, row, columns, heights.slice(index), tr);
		tr.end();
	});
	table.end();
	doc.x = frame.x;
	doc.y += 8;
}

export function measureTable(
	doc: PDFKit.PDFDocument,
	block: TableBlock,
	width: number,
	cells: CellBlocks
): number {
	const { slots } = tableGrid(block.rows);
	const columns = layout(doc, slots, { x: 0, width }, cells);
	return rowHeights(doc, slots, columns).reduce((sum, height) => sum + height, 8);
}

/**
 * Each row as tall as its tallest cell; a cell spanning rows adds what it still needs to the
 * last row it spans.
 */
function rowHeights(
	doc: PDFKit.PDFDocument,
	slots: GridSlot[][],
	{ edges, style, cells }: Layout
): number[] {
	const needs = slots.map((row) =>
		row.map((slot, column) => {
			if (slot.kind !== 'cell') return 0;
			const width = edges[column + slot.cell.colspan] - edges[column] - 2 * PADDING;
			const content = cells.measure(doc, slot.cell.blocks, width, style(slot.cell));
			// The last paragraph's gap is not needed above the cell's bottom padding.
			return Math.max(14, content - PARAGRAPH_GAP) + 2 * PADDING;
		})
	);
	const heights = slots.map((row, r) =>
		Math.max(
			14 + 2 * PADDING,
			...row.map((slot, c) => (slot.kind === 'cell' && slot.cell.rowspan > 1 ? 0 : needs[r][c]))
		)
	);
	slots.forEach((row, r) =>
		row.forEach((slot, c) => {
			if (slot.kind !== 'cell' || slot.cell.rowspan === 1) return;
			const last = Math.min(slots.length, r + slot.cell.rowspan) - 1;
			const have = heights.slice(r, last + 1).reduce((sum, height) => sum + height, 0);
			if (needs[r][c] > have) heights[last] += needs[r][c] - have;
		})
	);
	return heights;
}

/**
 * One row at doc.y (`heights`: this row's and the following ones', for cells spanning rows);
 * `tr` null draws a repeated header row as an artifact.
 */
function drawRow(
	doc: PDFKit.PDFDocument,
	row: GridSlot[],
	{ edges, style, cells: blocks }: Layout,
	heights: number[],
	tr: Struct | null
): void {
	const y = doc.y;
	const height = heights[0];
	const cells = row.flatMap((slot, column) =>
		slot.kind === 'cell'
			? [
					{
						cell: slot.cell,
						x: edges[column],
						width: edges[column + slot.cell.colspan] - edges[column]
					}
				]
			: []
	);
	doc.markContent('Artifact', { type: tr ? 'Layout' : 'Pagination' });
	for (const { cell, x: left, width } of cells) {
		const spanned = heights.slice(0, cell.rowspan).reduce((sum, h) => sum + h, 0);
		const box = Math.min(spanned, bottomOf(doc) - y);
		if (cell.header) doc.rect(left, y, width, box).fill(HEADER_FILL);
		doc.rect(left, y, width, box).lineWidth(0.5).strokeColor('#777777').stroke();
	}
	if (!tr) {
		for (const { cell, x: left, width } of cells) {
			drawArtifactCell(doc, cell, style(cell), { x: left, y, width });
		}
		doc.endMarkedContent();
		doc.y = y + height;
		return;
	}
	doc.endMarkedContent();
	for (const { cell, x: left, width } of cells) {
		const tag = doc.struct(cell.header ? 'TH' : 'TD');
		setCellAttributes(
			tag,
			cell,
			row.every((slot) => slot.kind !== 'cell' || slot.cell.header)
		);
		tr.add(tag);
		doc.y = y + PADDING;
		blocks.draw(
			doc,
			cell.blocks,
			{ x: left + PADDING, width: width - 2 * PADDING },
			tag,
			style(cell)
		);
		tag.end();
	}
	doc.x = edges[0];
	doc.y = y + height;
}

function drawArtifactCell(
	doc: PDFKit.PDFDocument,
	cell: TableCell,
	style: TextStyle,
	box: { x: number; y: number; width: number }
): void {
	doc.y = box.y + PADDING;
	for (const block of cell.blocks) {
		if (block.type !== 'paragraph') continue;
		drawRuns(doc, runsOf(block.content, style), {
			x: box.x + PADDING,
			y: doc.y,
			width: box.width - 2 * PADDING
		});
	}
}

/** Table attributes of a cell: a header's scope, and its spans (PDF 1.7 §14.8.5.7). */
function setCellAttributes(tag: Struct, cell: TableCell, inHeaderRow: boolean): void {
	const attributes: Record<string, unknown> = { O: 'Table' };
	if (cell.header) attributes.Scope = inHeaderRow ? 'Column' : 'Row';
	if (cell.colspan > 1) attributes.ColSpan = cell.colspan;
	if (cell.rowspan > 1) attributes.RowSpan = cell.rowspan;
	(tag as unknown as { dictionary: { data: { A?: unknown } } }).dictionary.data.A = attributes;
}
