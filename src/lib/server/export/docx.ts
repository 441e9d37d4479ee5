import {
	AlignmentType,
	DeletedTextRun,
	Document,
	ExternalHyperlink,
	Footer,
	Header,
	InsertedTextRun,
	HeadingLevel,
	Packer,
	PageNumber,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType,
	type IRunOptions,
	type ParagraphChild
} from 'docx';
import type { Block, ExportDocument, Inline, TrackedChange } from './document-model';
import { titlePage, noteLines, sectionHeading, sectionLevel } from './document-parts';
import { listNumbering } from './docx-numbering';

/**
 * DOCX with real structure: section titles are Heading 1 (10.a under 10 is Heading 2), lists use
 * Word numbering, table header rows are marked `tableHeader` (repeated and announced as
 * headers), the document language is set. Pending suggestions are Word revisions (w:ins /
 * w:del with their author), so the Review pane accepts or rejects them. Comments, when asked
 * for, follow each section.
 */
const HEADINGS = [
	HeadingLevel.HEADING_1,
	HeadingLevel.HEADING_2,
	HeadingLevel.HEADING_3,
	HeadingLevel.HEADING_4,
	HeadingLevel.HEADING_5,
	HeadingLevel.HEADING_6
];

export async function renderDocx(document: ExportDocument): Promise<Uint8Array> {
	const writer = new DocxWriter();
	const title = titlePage(document);
	const children: (Paragraph | Table)[] = [
		new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title.title)] }),
		...(title.subtitle ? [new Paragraph({ style: 'Subtitle', text: title.subtitle })] : []),
		...title.facts.map(
			(fact) =>
				new Paragraph({
					children: [new TextRun({ text: `${fact.label}: `, bold: true }), new TextRun(fact.value)]
				})
		),
		new Paragraph({ pageBreakBefore: true, children: [] })
	];
	for (const section of document.sections) {
		const level = sectionLevel(section);
		children.push(new Paragraph({ heading: HEADINGS[level - 1], text: sectionHeading(section) }));
		children.push(...section.blocks.flatMap((block) => writer.block(block, 0)));
		const notes = noteLines(document, section);
		if (notes.length > 0) {
			children.push(
				new Paragraph({ heading: HEADINGS[Math.min(5, level)], text: document.labels.notes })
			);
			children.push(...notes.map((line) => new Paragraph({ style: 'Note', text: line })));
		}
	}
	const file = new Document({
		title: document.title,
		description: document.subtitle,
		creator: 'Tavolo',
		styles: {
			default: { document: { run: { language: { value: document.language }, size: 22 } } },
			paragraphStyles: [
				{
					id: 'Note',
					name: 'Note',
					basedOn: 'Normal',
					run: { italics: true, color: '444444' },
					paragraph: { indent: { left: 360 } }
				}
			]
		},
		numbering: { config: listNumbering() },
		sections: [{ ...running(document), children }]
	});
	return new Uint8Array(await Packer.toBuffer(file));
}

/**
 * The running header and the "Pagina N di M" footer: Word fields (PAGE, NUMPAGES), so the
 * numbers are right however the reader's Word lays the pages out.
 */
function running(document: ExportDocument) {
	if (!document.running) return {};
	const { header, page, of } = document.running;
	const small = { size: 16, color: '444444' };
	return {
		headers: {
			default: new Header({
				children: [new Paragraph({ children: [new TextRun({ text: header, ...small })] })]
			})
		},
		footers: {
			default: new Footer({
				children: [
					new Paragraph({
						alignment: AlignmentType.CENTER,
						children: [
							new TextRun({
								...small,
								children: [`${page} `, PageNumber.CURRENT, ` ${of} `, PageNumber.TOTAL_PAGES]
							})
						]
					})
				]
			})
		}
	};
}

class DocxWriter {
	private orderedLists = 0;
	/** Revision ids must be unique in the document. */
	private revisions = 0;

	block(
		block: Block,
		depth: number,
		list?: { reference: string; instance: number }
	): (Paragraph | Table)[] {
		switch (block.type) {
			case 'heading':
				return [
					new Paragraph({
						heading: HEADINGS[Math.min(5, block.level - 1)],
						children: this.inlines(block.content)
					})
				];
			case 'paragraph':
				return [
					new Paragraph({
						children: this.inlines(block.content),
						style: block.style === 'quote' ? 'Quote' : undefined,
						numbering: list
							? { reference: list.reference, level: depth - 1, instance: list.instance }
							: undefined
					})
				];
			case 'list': {
				const reference = block.ordered ? 'numbers' : 'bullets';
				// Each ordered list restarts at 1: a new numbering instance per list.
				const instance = block.ordered ? ++this.orderedLists : 0;
				return block.items.flatMap((item) =>
					item.flatMap((child, index) =>
						index === 0 && child.type === 'paragraph'
							? this.block(child, depth + 1, { reference, instance })
							: this.block(child, depth + 1)
					)
				);
			}
			case 'table':
				return [this.table(block)];
			case 'rule':
				return [new Paragraph({ thematicBreak: true, children: [] })];
		}
	}

	private table(block: Extract<Block, { type: 'table' }>): Table {
		return new Table({
			width: { size: 100, type: WidthType.PERCENTAGE },
			rows: block.rows.map(
				(row) =>
					new TableRow({
						tableHeader: row.header,
						children: row.cells.map(
							(cell) =>
								new TableCell({
									columnSpan: cell.colspan > 1 ? cell.colspan : undefined,
									rowSpan: cell.rowspan > 1 ? cell.rowspan : undefined,
									children: cellChildren(
										(cell.header ? cell.blocks.map(bolden) : cell.blocks).flatMap((b) =>
											this.block(b, 0)
										)
									)
								})
						)
					})
			)
		});
	}

	inlines(content: readonly Inline[]): ParagraphChild[] {
		return content.map((part) => {
			if (part.type === 'break') return new TextRun({ text: '', break: 1 });
			const options = {
				text: part.text,
				bold: part.bold,
				italics: part.italic,
				underline: part.underline ? {} : undefined,
				strike: part.strike,
				font: part.code ? 'Courier New' : undefined,
				style: part.link ? 'Hyperlink' : undefined
			};
			const run = part.change ? this.revision(part.change, options) : new TextRun(options);
			return part.link ? new ExternalHyperlink({ link: part.link, children: [run] }) : run;
		});
	}

	private revision(
		change: TrackedChange,
		options: IRunOptions & { text: string }
	): InsertedTextRun | DeletedTextRun {
		// The marks do not record when a suggestion was made; w:date is optional in OOXML,
		// so none is written rather than a made-up one.
		const revision = { id: ++this.revisions, author: change.author } as {
			id: number;
			author: string;
			date: string;
		};
		const withRevision = { ...options, ...revision };
		return change.kind === 'insert'
			? new InsertedTextRun(withRevision)
			: new DeletedTextRun(withRevision);
	}
}

/** A cell needs at least one paragraph. */
function cellChildren(children: (Paragraph | Table)[]): (Paragraph | Table)[] {
	return children.length > 0 ? children : [new Paragraph({ children: [] })];
}

/** Header cells are bold, so they look like headers too (they are marked as such). */
function bolden(block: Block): Block {
	return block.type === 'paragraph'
		? {
				...block,
				content: block.content.map((p) => (p.type === 'text' ? { ...p, bold: true } : p))
			}
		: block;
}
