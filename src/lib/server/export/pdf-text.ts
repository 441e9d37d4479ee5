import { suggestionMarker } from '../../editor/suggestions/json';
import { endsChange, type Inline } from './document-model';
import { fontFor, type FontName } from './pdf-fonts';

/** One piece of text drawn with one font and one decoration. */
export interface Run {
	text: string;
	font: FontName;
	size: number;
	color: string;
	underline: boolean;
	strike: boolean;
	link: string | null;
}

export interface TextStyle {
	size: number;
	bold?: boolean;
	italic?: boolean;
	color?: string;
}

export const LINE_GAP = 2;
const LINK_COLOR = '#0b5cad';
const MARKER_COLOR = '#333333';

/**
 * Inline content as runs. A suggestion is underlined (insertion) or struck through (deletion)
 * and its run is followed by "[+ Name]" / "[− Name]": the change is named, not only styled.
 */
export function runsOf(content: readonly Inline[], style: TextStyle): Run[] {
	const runs: Run[] = [];
	content.forEach((part, index) => {
		const base = { size: style.size, link: null, underline: false, strike: false };
		if (part.type === 'break') {
			runs.push({ ...base, text: '\n', font: 'regular', color: '#000000' });
			return;
		}
		runs.push({
			...base,
			text: part.text,
			font: fontFor({ bold: style.bold || part.bold, italic: style.italic || part.italic }),
			color: part.link ? LINK_COLOR : (style.color ?? '#000000'),
			underline: Boolean(part.underline || part.link || part.change?.kind === 'insert'),
			strike: Boolean(part.strike || part.change?.kind === 'delete'),
			link: part.link ?? null
		});
		if (part.change && endsChange(content, index)) {
			runs.push({
				...base,
				text: ` ${suggestionMarker(part.change)}`,
				font: 'italic',
				size: style.size * 0.85,
				color: MARKER_COLOR
			});
		}
	});
	return runs;
}

/** Draws runs as one flowing paragraph at (x, y) in `width`; pdfkit breaks lines and pages. */
export function drawRuns(
	doc: PDFKit.PDFDocument,
	runs: readonly Run[],
	frame: { x: number; y: number; width: number; align?: 'left' | 'center' }
): void {
	runs.forEach((run, index) => {
		doc.font(run.font).fontSize(run.size).fillColor(run.color);
		const options: PDFKit.Mixins.TextOptions = {
			width: frame.width,
			align: frame.align ?? 'left',
			lineGap: LINE_GAP,
			continued: index < runs.length - 1,
			underline: run.underline,
			strike: run.strike,
			// Options carry over between continued pieces: reset the link explicitly.
			link: run.link as string
		};
		if (index === 0) doc.text(run.text, frame.x, frame.y, options);
		else doc.text(run.text, options);
	});
	doc.fillColor('#000000');
}

/**
 * Height of the runs in `width`, for laying out table rows. Measured with the widest face used
 * (bold or not), so a row is never shorter than what is drawn in it.
 */
export function measureRuns(doc: PDFKit.PDFDocument, runs: readonly Run[], width: number): number {
	if (runs.length === 0) return 0;
	const text = runs.map((run) => run.text).join('');
	const bold = runs.some((run) => run.font === 'bold' || run.font === 'boldItalic');
	const size = Math.max(...runs.map((run) => run.size));
	doc.font(bold ? 'bold' : 'regular').fontSize(size);
	return doc.heightOfString(text || ' ', { width, lineGap: LINE_GAP });
}
