import PDFDocument from 'pdfkit';
import { hasChanges, plain, type ExportDocument } from './document-model';
import { noteLines, sectionHeading, sectionLevel, titlePage } from './document-parts';
import {
	BODY,
	drawBlocks,
	drawParagraph,
	ensureSpace,
	headingStyle,
	type Struct
} from './pdf-blocks';
import { fontFiles } from './pdf-fonts';
import { drawRuns, runsOf } from './pdf-text';

/** Sections laid out so far, for formats whose layout is long enough to report it (PDF). */
export type RenderProgress = (done: number, total: number) => void;

/**
 * A tagged PDF written with pdfkit on Node alone (ADR 0059): a structure tree (Document → Sect
 * → H1…H6, P, L/LI, Table/TR/TH/TD), the document language and title (shown instead of the file
 * name), a bookmark per section, embedded fonts, page numbers as artifacts. Same title page and
 * sections as DOCX and ODT.
 */
const MARGIN = 56;

export async function renderPdf(
	document: ExportDocument,
	progress?: RenderProgress
): Promise<Uint8Array> {
	const doc = new PDFDocument({
		size: 'A4',
		margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
		pdfVersion: '1.7',
		tagged: true,
		lang: document.language,
		displayTitle: true,
		bufferPages: true,
		// No standard (unembedded) font is ever set: the first face is Roboto.
		font: null as unknown as string,
		info: {
			Title: document.title,
			...(document.subtitle ? { Subject: document.subtitle } : {}),
			Creator: 'Tavolo',
			Producer: 'Tavolo'
		}
	});
	for (const [name, data] of Object.entries(fontFiles())) doc.registerFont(name, data);
	doc.font('regular');
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const finished = new Promise<void>((resolve, reject) => {
		doc.on('end', resolve);
		doc.on('error', reject);
	});
	const root = doc.struct('Document');
	doc.addStructure(root);
	const frame = { x: MARGIN, width: doc.page.width - 2 * MARGIN };
	drawTitlePage(doc, document, root, frame);
	doc.addPage();
	// Outline items by level, so 10.a hangs under 10 in the reader's bookmarks.
	const outline: PDFKit.PDFOutline[] = [doc.outline];
	for (const [index, section] of document.sections.entries()) {
		if (progress) {
			progress(index, document.sections.length);
			// Layout is synchronous: let the job's progress reach the database between sections.
			await new Promise((resolve) => setImmediate(resolve));
		}
		ensureSpace(doc, 120);
		const sect = doc.struct('Sect');
		root.add(sect);
		const heading = sectionHeading(section);
		const level = sectionLevel(section);
		const parent = outline[Math.min(level - 1, outline.length - 1)];
		outline.length = Math.min(level, outline.length);
		outline.push(parent.addItem(heading));
		drawParagraph(doc, runsOf(plain(heading), headingStyle(level)), frame, sect, `H${level}`);
		drawBlocks(doc, section.blocks, frame, sect);
		const notes = noteLines(document, section);
		if (notes.length > 0) {
			drawBlocks(
				doc,
				[{ type: 'heading', level: Math.min(6, level + 1), content: plain(document.labels.notes) }],
				frame,
				sect
			);
			const blocks = notes.map((line) => ({
				type: 'paragraph' as const,
				style: 'note' as const,
				content: plain(line)
			}));
			drawBlocks(doc, blocks, { x: frame.x + 12, width: frame.width - 12 }, sect);
		}
		sect.end();
	}
	progress?.(document.sections.length, document.sections.length);
	root.end();
	numberPages(doc, document.running);
	doc.end();
	await finished;
	return new Uint8Array(Buffer.concat(chunks));
}

function drawTitlePage(
	doc: PDFKit.PDFDocument,
	document: ExportDocument,
	root: Struct,
	frame: { x: number; width: number }
): void {
	const title = titlePage(document);
	doc.y = 160;
	drawParagraph(doc, runsOf(plain(title.title), { size: 24, bold: true }), frame, root, 'H1');
	if (title.subtitle) {
		drawParagraph(doc, runsOf(plain(title.subtitle), { size: 14 }), frame, root, 'P');
	}
	doc.y += 18;
	for (const fact of title.facts) {
		const content = [
			{ type: 'text' as const, text: `${fact.label}: `, bold: true },
			{ type: 'text' as const, text: fact.value }
		];
		drawParagraph(doc, runsOf(content, BODY), frame, root, 'P');
	}
	if (document.sections.some((section) => hasChanges(section.blocks))) {
		doc.y += 12;
		const legend = runsOf(plain(document.labels.changesLegend), { ...BODY, italic: true });
		drawParagraph(doc, legend, frame, root, 'P');
	}
}

/**
 * "n / N" (or "Pagina n di N" with the running header at the top) on every page, marked as
 * pagination artifacts so screen readers skip them.
 */
function numberPages(doc: PDFKit.PDFDocument, running: ExportDocument['running']): void {
	const { start, count } = doc.bufferedPageRange();
	const width = doc.page.width - 2 * MARGIN;
	for (let index = start; index < start + count; index++) {
		doc.switchToPage(index);
		const bottom = doc.page.margins.bottom;
		// Writing below the bottom margin would otherwise open a new page.
		doc.page.margins.bottom = 0;
		if (running) {
			doc.markContent('Artifact', { type: 'Pagination' });
			drawRuns(doc, runsOf(plain(running.header), { size: 8 }), {
				x: MARGIN,
				y: MARGIN / 2 - 4,
				width
			});
			doc.endMarkedContent();
		}
		const label = running
			? `${running.page} ${index + 1} ${running.of} ${count}`
			: `${index + 1} / ${count}`;
		doc.markContent('Artifact', { type: 'Pagination' });
		drawRuns(doc, runsOf(plain(label), { size: 8 }), {
			x: MARGIN,
			y: doc.page.height - MARGIN / 2 - 4,
			width,
			align: 'center'
		});
		doc.endMarkedContent();
		doc.page.margins.bottom = bottom;
	}
}
