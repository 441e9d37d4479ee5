import type { Block } from './document-model';
import { bottomOf, PARAGRAPH_GAP, type CellBlocks, type Frame, type Struct } from './pdf-frame';
import { drawTable, measureTable } from './pdf-table';
import { drawRuns, LINE_GAP, measureRuns, runsOf, type TextStyle } from './pdf-text';

export { bottomOf, PARAGRAPH_GAP, type Frame, type Struct };

/**
 * Blocks of the neutral model drawn with pdfkit, each inside its structure element (H1–H6, P,
 * L/LI/Lbl/LBody, Table), so the PDF is tagged: screen readers get headings, lists and tables.
 * Decorations (rules, borders, repeated header rows, page numbers) are artifacts.
 */
export const BODY: TextStyle = { size: 10.5 };
const HEADING_SIZES = [18, 15, 13, 12, 11, 11];
const LIST_INDENT = 18;

export const headingStyle = (level: number): TextStyle => ({
	size: HEADING_SIZES[Math.min(6, Math.max(1, level)) - 1],
	bold: true
});

/** Starts a new page when less than `height` is left on this one. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
	if (doc.y + height > bottomOf(doc)) doc.addPage();
}

export function drawBlocks(
	doc: PDFKit.PDFDocument,
	blocks: readonly Block[],
	frame: Frame,
	parent: Struct,
	style: TextStyle = BODY
): void {
	for (const block of blocks) drawBlock(doc, block, frame, parent, style);
}

function drawBlock(
	doc: PDFKit.PDFDocument,
	block: Block,
	frame: Frame,
	parent: Struct,
	style: TextStyle
): void {
	switch (block.type) {
		case 'heading': {
			const level = Math.min(6, Math.max(1, block.level));
			// Keep a heading with the first lines that follow it.
			ensureSpace(doc, headingStyle(level).size * 4);
			doc.y += 4;
			drawParagraph(doc, runsOf(block.content, headingStyle(level)), frame, parent, `H${level}`);
			return;
		}
		case 'paragraph': {
			const quote = block.style === 'quote';
			const inner = quote ? { x: frame.x + 18, width: frame.width - 18 } : frame;
			const runs = runsOf(block.content, {
				...style,
				italic: style.italic || quote || block.style === 'note',
				color: block.style === 'note' ? '#444444' : style.color
			});
			drawParagraph(doc, runs, inner, parent, 'P');
			return;
		}
		case 'list':
			drawList(doc, block, frame, parent, style);
			return;
		case 'table':
			drawTable(doc, block, frame, parent, CELLS);
			return;
		case 'rule': {
			ensureSpace(doc, 12);
			const y = doc.y + 4;
			doc.markContent('Artifact', { type: 'Layout' });
			doc
				.moveTo(frame.x, y)
				.lineTo(frame.x + frame.width, y)
				.lineWidth(0.5)
				.stroke();
			doc.endMarkedContent();
			doc.y = y + 8;
		}
	}
}

export function drawParagraph(
	doc: PDFKit.PDFDocument,
	runs: ReturnType<typeof runsOf>,
	frame: Frame,
	parent: Struct,
	tag: string
): void {
	if (runs.length === 0 || runs.every((run) => run.text === '')) {
		doc.y += BODY.size + LINE_GAP;
		return;
	}
	ensureSpace(doc, runs[0].size + LINE_GAP);
	const y = doc.y;
	parent.add(
		doc.struct(tag, {}, [() => drawRuns(doc, runs, { x: frame.x, y, width: frame.width })])
	);
	doc.x = frame.x;
	doc.y += PARAGRAPH_GAP;
}

function drawList(
	doc: PDFKit.PDFDocument,
	block: Extract<Block, { type: 'list' }>,
	frame: Frame,
	parent: Struct,
	style: TextStyle
): void {
	const list = doc.struct('L');
	parent.add(list);
	const body = { x: frame.x + LIST_INDENT, width: frame.width - LIST_INDENT };
	block.items.forEach((item, index) => {
		const entry = doc.struct('LI');
		list.add(entry);
		ensureSpace(doc, style.size + LINE_GAP);
		const y = doc.y;
		const label = block.ordered ? `${index + 1}.` : '•';
		entry.add(
			doc.struct('Lbl', {}, [
				() =>
					drawRuns(doc, runsOf([{ type: 'text', text: label }], style), {
						x: frame.x,
						y,
						width: LIST_INDENT
					})
			])
		);
		doc.y = y;
		const content = doc.struct('LBody');
		entry.add(content);
		drawBlocks(doc, item, body, content, style);
		content.end();
		entry.end();
	});
	list.end();
	doc.x = frame.x;
}

/** Height the blocks take in `width` (table rows are laid out before they are drawn). */
export function measureBlocks(
	doc: PDFKit.PDFDocument,
	blocks: readonly Block[],
	width: number,
	style: TextStyle = BODY
): number {
	return blocks.reduce((total, block) => {
		switch (block.type) {
			case 'heading':
				return (
					total + 4 + measureRuns(doc, runsOf(block.content, headingStyle(block.level)), width)
				);
			case 'paragraph':
				return (
					total +
					PARAGRAPH_GAP +
					(measureRuns(doc, runsOf(block.content, style), width) || BODY.size + LINE_GAP)
				);
			case 'list':
				return (
					total +
					block.items.reduce(
						(sum, item) => sum + measureBlocks(doc, item, width - LIST_INDENT, style),
						0
					)
				);
			case 'table':
				return total + measureTable(doc, block, width, CELLS);
			case 'rule':
				return total + 12;
		}
	}, 0);
}

/** Table cells hold blocks: the table is handed this module's drawing, so neither imports the other. */
const CELLS: CellBlocks = { draw: drawBlocks, measure: measureBlocks };
