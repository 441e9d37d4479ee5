import type { Block, TableCell } from './document-model';
import {
	bottomOf,
	drawBlocks,
	measureBlocks,
	PARAGRAPH_GAP,
	type Frame,
	type Struct
} from './pdf-blocks';
import { drawRuns, runsOf, type TextStyle } from './pdf-text';
import { leadingHeaderRows, tableGrid, type GridSlot } from './table-grid';

type TableBlock = Extract<Block, { type: 'table' }>;

const PADDING = 4;
const HEADER_FILL = '#e8e8e8';
const cellStyle = (cell: TableCell): TextStyle => ({ size: 9.5, bold: cell.header });

/**
 * A table tagged Table/TR/TH/TD (header cells scoped, spans as attributes). When it runs onto a
 * new page its header rows are drawn again, as artifacts: read once, seen on every page.
 */
export function drawTable(
	doc: PDFKit.PDFDocument,
	block: TableBlock,
	frame: Frame,
	parent: Struct
): void {
	const { slots, width: columns } = tableGrid(block.rows);
	const columnWidth = frame.width / columns;
	const heights = rowHeights(doc, slots, columnWidth);
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
					drawRow(doc, slots[h], frame.x, columnWidth, heights.slice(h), null);
				}
			}
		}
		const tr = doc.struct('TR');
		table.add(tr);
		drawRow(doc, row, frame.x, columnWidth, heights.slice(index), tr);
		tr.end();
	});
	table.end();
	doc.x = frame.x;
	doc.y += 8;
}

export function measureTable(doc: PDFKit.PDFDocument, block: TableBlock, width: number): number {
	const { slots, width: columns } = tableGrid(block.rows);
	return rowHeights(doc, slots, width / columns).reduce((sum, height) => sum + height, 8);
}

/**
 * Each row as tall as its tallest cell; a cell spanning rows adds what it still needs to the
 * last row it spans.
 */
function rowHeights(doc: PDFKit.PDFDocument, slots: GridSlot[][], columnWidth: number): number[] {
	const needs = slots.map((row) =>
		row.map((slot) => {
			if (slot.kind !== 'cell') return 0;
			const width = columnWidth * slot.cell.colspan - 2 * PADDING;
			const content = measureBlocks(doc, slot.cell.blocks, width, cellStyle(slot.cell));
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
	x: number,
	columnWidth: number,
	heights: number[],
	tr: Struct | null
): void {
	const y = doc.y;
	const height = heights[0];
	const cells = row.flatMap((slot, column) =>
		slot.kind === 'cell'
			? [{ cell: slot.cell, x: x + column * columnWidth, width: columnWidth * slot.cell.colspan }]
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
		for (const { cell, x: left, width } of cells) drawArtifactCell(doc, cell, left, y, width);
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
		drawBlocks(
			doc,
			cell.blocks,
			{ x: left + PADDING, width: width - 2 * PADDING },
			tag,
			cellStyle(cell)
		);
		tag.end();
	}
	doc.x = x;
	doc.y = y + height;
}

function drawArtifactCell(
	doc: PDFKit.PDFDocument,
	cell: TableCell,
	x: number,
	y: number,
	width: number
): void {
	doc.y = y + PADDING;
	for (const block of cell.blocks) {
		if (block.type !== 'paragraph') continue;
		drawRuns(doc, runsOf(block.content, cellStyle(cell)), {
			x: x + PADDING,
			y: doc.y,
			width: width - 2 * PADDING
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
