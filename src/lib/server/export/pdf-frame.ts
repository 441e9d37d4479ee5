import type { Block } from './document-model';
import type { TextStyle } from './pdf-text';

/** Where a block is drawn on the page, shared by blocks and tables. */
export interface Frame {
	x: number;
	width: number;
}

export type Struct = PDFKit.PDFStructureElement;

export const PARAGRAPH_GAP = 6;

export function bottomOf(doc: PDFKit.PDFDocument): number {
	return doc.page.height - doc.page.margins.bottom;
}

/** How a table draws and measures the blocks inside its cells. */
export interface CellBlocks {
	draw(
		doc: PDFKit.PDFDocument,
		blocks: readonly Block[],
		frame: Frame,
		parent: Struct,
		style: TextStyle
	): void;
	measure(
		doc: PDFKit.PDFDocument,
		blocks: readonly Block[],
		width: number,
		style: TextStyle
	): number;
}
