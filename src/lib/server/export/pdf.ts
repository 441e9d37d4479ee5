import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, ContentText, TDocumentDefinitions } from 'pdfmake/interfaces';
import { endsChange, type Block, type ExportDocument, type Inline } from './document-model';
import { suggestionMarker } from '../../proposals/suggestion-json';
import { noteLines, sectionHeading, titlePage } from './document-parts';
import { leadingHeaderRows, tableGrid } from './table-grid';

/**
 * PDF with pdfmake on Node alone, using the Roboto files pdfmake ships (a runtime dependency,
 * so they exist wherever Tavolo runs). Section titles are PDF bookmarks, the language and the
 * title are set, table header rows repeat on each page. pdfmake does not write a structure tree
 * (tagged PDF): DOCX/ODT are the accessible formats, see ADR 0054.
 */
const fontsFolder = join(
	dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
	'fonts',
	'Roboto'
);

let configured = false;
function configure(): void {
	if (configured) return;
	pdfmake.setFonts({
		Roboto: {
			normal: join(fontsFolder, 'Roboto-Regular.ttf'),
			bold: join(fontsFolder, 'Roboto-Medium.ttf'),
			italics: join(fontsFolder, 'Roboto-Italic.ttf'),
			bolditalics: join(fontsFolder, 'Roboto-MediumItalic.ttf')
		}
	});
	// Content comes from users: it must never make the server fetch a URL or read a file.
	pdfmake.setUrlAccessPolicy(() => false);
	pdfmake.setLocalAccessPolicy((path: string) => path.startsWith(fontsFolder));
	configured = true;
}

const HEADING_SIZES = [18, 15, 13, 12, 11, 11];

export async function renderPdf(document: ExportDocument): Promise<Uint8Array> {
	configure();
	const title = titlePage(document);
	const content: Content[] = [
		{ text: title.title, style: 'title' },
		...(title.subtitle ? [{ text: title.subtitle, style: 'subtitle' }] : []),
		...title.facts.map((fact) => ({ text: [{ text: `${fact.label}: `, bold: true }, fact.value] })),
		{ text: '', pageBreak: 'after' as const }
	];
	for (const section of document.sections) {
		content.push({ text: sectionHeading(section), style: 'h1', outline: true } as ContentText);
		content.push(...section.blocks.map(toContent));
		const notes = noteLines(document, section);
		if (notes.length > 0) {
			content.push({ text: document.labels.notes, style: 'h2' });
			content.push(...notes.map((line) => ({ text: line, style: 'note' })));
		}
	}
	const definition: TDocumentDefinitions = {
		info: {
			title: document.title,
			subject: document.subtitle,
			creator: 'Tavolo',
			producer: 'Tavolo'
		},
		language: document.language,
		displayTitle: true,
		pageSize: 'A4',
		pageMargins: [56, 56, 56, 56],
		footer: (page: number, pages: number) => ({
			text: `${page} / ${pages}`,
			alignment: 'center',
			fontSize: 8
		}),
		content,
		defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.2 },
		styles: {
			title: { fontSize: 24, bold: true, margin: [0, 120, 0, 12] },
			subtitle: { fontSize: 14, margin: [0, 0, 0, 24] },
			note: { italics: true, color: '#444444', margin: [12, 0, 0, 4] },
			...Object.fromEntries(
				HEADING_SIZES.map((size, i) => [
					`h${i + 1}`,
					{ fontSize: size, bold: true, margin: [0, 12, 0, 6] }
				])
			)
		}
	};
	return new Uint8Array(await pdfmake.createPdf(definition).getBuffer());
}

function toContent(block: Block): Content {
	switch (block.type) {
		case 'heading':
			return { text: inlines(block.content), style: `h${Math.min(6, block.level)}` };
		case 'paragraph':
			return {
				text: inlines(block.content),
				margin: block.style === 'quote' ? [18, 0, 0, 6] : [0, 0, 0, 6],
				italics: block.style === 'quote' ? true : undefined
			};
		case 'list': {
			const items = block.items.map((item) => ({ stack: item.map(toContent) }));
			return block.ordered
				? { ol: items, margin: [0, 0, 0, 6] }
				: { ul: items, margin: [0, 0, 0, 6] };
		}
		case 'table':
			return tableContent(block);
		case 'rule':
			return {
				canvas: [{ type: 'line', x1: 0, y1: 4, x2: 483, y2: 4, lineWidth: 0.5 }],
				margin: [0, 4, 0, 8]
			};
	}
}

function tableContent(block: Extract<Block, { type: 'table' }>): Content {
	const { slots, width } = tableGrid(block.rows);
	const body = slots.map((row) =>
		row.map((slot): Content => {
			if (slot.kind === 'covered') return { text: '' };
			const { cell } = slot;
			return {
				stack: cell.blocks.map(toContent),
				colSpan: cell.colspan > 1 ? cell.colspan : undefined,
				rowSpan: cell.rowspan > 1 ? cell.rowspan : undefined,
				bold: cell.header || undefined,
				fillColor: cell.header ? '#eeeeee' : undefined
			} as Content;
		})
	);
	return {
		table: {
			headerRows: leadingHeaderRows(block.rows),
			widths: Array.from({ length: width }, () => '*'),
			body
		},
		margin: [0, 0, 0, 8]
	};
}

function inlines(content: readonly Inline[]): (string | ContentText)[] {
	return content.flatMap((part, index): (string | ContentText)[] => {
		if (part.type === 'break') return ['\n'];
		const run = {
			text: part.text,
			bold: part.bold,
			italics: part.italic,
			decoration:
				part.underline || part.change?.kind === 'insert'
					? ('underline' as const)
					: part.strike || part.change?.kind === 'delete'
						? ('lineThrough' as const)
						: undefined,
			link: part.link,
			color: part.link ? '#0066cc' : undefined
		};
		// Suggestions are named, not only styled: "[+ Name]" after each run.
		return part.change && endsChange(content, index)
			? [run, { text: ` ${suggestionMarker(part.change)}`, fontSize: 8 }]
			: [run];
	});
}
