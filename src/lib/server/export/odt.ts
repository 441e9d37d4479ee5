import { strToU8, zipSync } from 'fflate';
import {
	endsChange,
	type Block,
	type ExportDocument,
	type Inline,
	type TableRow
} from './document-model';
import { noteLines, sectionHeading, sectionLevel, titlePage } from './document-parts';
import { escapeXml, NS, odfText } from './odt-xml';
import { MANIFEST, metaXml, stylesXml } from './odt-styles';
import { leadingHeaderRows, tableGrid } from './table-grid';

/**
 * A minimal, valid OpenDocument Text written with Node alone (fflate zips it): headings with
 * outline levels, lists, tables with header rows, links, bold/italic, pending suggestions as
 * ODF tracked changes (LibreOffice's Manage Changes accepts or rejects them). LibreOffice is not
 * needed to write it.
 */
export function renderOdt(document: ExportDocument): Uint8Array {
	const writer = new OdtWriter(document.generatedAt);
	const title = titlePage(document);
	let body = `<text:p text:style-name="Title">${odfText(title.title)}</text:p>`;
	if (title.subtitle) {
		body += `<text:p text:style-name="Subtitle">${odfText(title.subtitle)}</text:p>`;
	}
	for (const fact of title.facts) {
		body += `<text:p text:style-name="Standard">${writer.span({ type: 'text', text: `${fact.label}: `, bold: true })}${odfText(fact.value)}</text:p>`;
	}
	body += '<text:p text:style-name="PageBreak"/>';
	for (const section of document.sections) {
		const level = sectionLevel(section);
		body += heading(level, odfText(sectionHeading(section)));
		body += section.blocks.map((block) => writer.block(block)).join('');
		const notes = noteLines(document, section);
		if (notes.length > 0) {
			body += heading(Math.min(6, level + 1), odfText(document.labels.notes));
			body += notes
				.map((line) => `<text:p text:style-name="Note">${odfText(line)}</text:p>`)
				.join('');
		}
	}
	const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${NS} office:version="1.3"><office:automatic-styles>${writer.automaticStyles()}</office:automatic-styles><office:body><office:text>${writer.trackedChanges()}${body}</office:text></office:body></office:document-content>`;
	return zipSync(
		{
			// The mimetype must be the first entry and stored uncompressed (ODF 1.3 §3.3).
			mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
			'content.xml': strToU8(content),
			'styles.xml': strToU8(stylesXml(document.language, document.running)),
			'meta.xml': strToU8(metaXml(document.title, document.language, document.generatedAt)),
			'META-INF/manifest.xml': strToU8(MANIFEST)
		},
		{ level: 6 }
	);
}

const heading = (level: number, inner: string) =>
	`<text:h text:style-name="Heading_20_${level}" text:outline-level="${level}">${inner}</text:h>`;

class OdtWriter {
	private spanStyles = new Map<string, string>();
	private tables = 0;
	/** `<text:changed-region>`s, one per run of suggested text, in document order. */
	private changes: string[] = [];

	/**
	 * Suggestion marks do not record when they were made, and ODF requires a date on each
	 * change: the export's date is used (the author is what matters to the reader).
	 */
	constructor(private readonly changedAt: Date) {}

	trackedChanges(): string {
		return this.changes.length > 0
			? `<text:tracked-changes>${this.changes.join('')}</text:tracked-changes>`
			: '';
	}

	/**
	 * Inline content. A proposed insertion stays in the text between change-start and
	 * change-end; a proposed deletion moves into its changed region, leaving a change marker.
	 */
	inlines(content: readonly Inline[]): string {
		let out = '';
		let run = '';
		content.forEach((part, index) => {
			const change = part.type === 'text' ? part.change : undefined;
			if (!change) {
				out += this.span(part);
				return;
			}
			run += this.span(part);
			if (!endsChange(content, index)) return;
			const id = `ct${this.changes.length + 1}`;
			const info = `<office:change-info><dc:creator>${escapeXml(change.author)}</dc:creator><dc:date>${this.changedAt.toISOString().slice(0, 19)}</dc:date></office:change-info>`;
			const region =
				change.kind === 'insert'
					? `<text:insertion>${info}</text:insertion>`
					: `<text:deletion>${info}<text:p>${run}</text:p></text:deletion>`;
			this.changes.push(
				`<text:changed-region xml:id="${id}" text:id="${id}">${region}</text:changed-region>`
			);
			out +=
				change.kind === 'insert'
					? `<text:change-start text:change-id="${id}"/>${run}<text:change-end text:change-id="${id}"/>`
					: `<text:change text:change-id="${id}"/>`;
			run = '';
		});
		return out;
	}

	automaticStyles(): string {
		const spans = [...this.spanStyles].map(([key, name]) => {
			const [bold, italic, underline, strike, code] = key.split('').map((c) => c === '1');
			const props = [
				bold && 'fo:font-weight="bold"',
				italic && 'fo:font-style="italic"',
				underline &&
					'style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"',
				strike && 'style:text-line-through-style="solid"',
				code && 'style:font-name="Courier New" fo:font-family="\'Courier New\'"'
			].filter(Boolean);
			return `<style:style style:name="${name}" style:family="text"><style:text-properties ${props.join(' ')}/></style:style>`;
		});
		return (
			'<style:style style:name="PageBreak" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:break-after="page"/></style:style>' +
			'<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="6.5in" table:align="margins"/></style:style>' +
			'<style:style style:name="TblCell" style:family="table-cell"><style:table-cell-properties fo:padding="0.04in" fo:border="0.5pt solid #000000"/></style:style>' +
			spans.join('')
		);
	}

	span(part: Inline): string {
		if (part.type === 'break') return '<text:line-break/>';
		const key = [part.bold, part.italic, part.underline, part.strike, part.code]
			.map((f) => (f ? 1 : 0))
			.join('');
		let inner = odfText(part.text);
		if (key !== '00000') {
			let name = this.spanStyles.get(key);
			if (!name) this.spanStyles.set(key, (name = `T${this.spanStyles.size + 1}`));
			inner = `<text:span text:style-name="${name}">${inner}</text:span>`;
		}
		return part.link
			? `<text:a xlink:type="simple" xlink:href="${escapeXml(part.link)}" text:style-name="Internet_20_link">${inner}</text:a>`
			: inner;
	}

	block(block: Block, paragraphStyle = 'Text_20_body'): string {
		switch (block.type) {
			case 'heading':
				return heading(block.level, this.inlines(block.content));
			case 'paragraph': {
				const style =
					block.style === 'quote' ? 'Quotations' : block.style === 'note' ? 'Note' : paragraphStyle;
				return `<text:p text:style-name="${style}">${this.inlines(block.content)}</text:p>`;
			}
			case 'list': {
				const items = block.items
					.map(
						(item) =>
							`<text:list-item>${item.map((b) => this.block(b)).join('') || '<text:p/>'}</text:list-item>`
					)
					.join('');
				return `<text:list text:style-name="${block.ordered ? 'List_20_Number' : 'List_20_Bullet'}">${items}</text:list>`;
			}
			case 'table':
				return this.table(block.rows);
			case 'rule':
				return '<text:p text:style-name="Standard">―――</text:p>';
		}
	}

	/** Covered cells are written where ODF expects them (spans right and down). */
	private table(rows: TableRow[]): string {
		const { slots, width } = tableGrid(rows);
		const xml = slots.map((row) => {
			const cells = row.map((slot) => {
				if (slot.kind === 'covered') return '<table:covered-table-cell/>';
				const { cell } = slot;
				const style = cell.header ? 'Table_20_Heading' : 'Table_20_Contents';
				const inner =
					cell.blocks.map((b) => this.block(b, style)).join('') ||
					`<text:p text:style-name="${style}"/>`;
				const spans =
					(cell.colspan > 1 ? ` table:number-columns-spanned="${cell.colspan}"` : '') +
					(cell.rowspan > 1 ? ` table:number-rows-spanned="${cell.rowspan}"` : '');
				return `<table:table-cell table:style-name="TblCell" office:value-type="string"${spans}>${inner}</table:table-cell>`;
			});
			return `<table:table-row>${cells.join('')}</table:table-row>`;
		});
		const lead = leadingHeaderRows(rows);
		const header =
			lead > 0
				? `<table:table-header-rows>${xml.slice(0, lead).join('')}</table:table-header-rows>`
				: '';
		return `<table:table table:name="Tabella${++this.tables}" table:style-name="Tbl"><table:table-column table:number-columns-repeated="${width}"/>${header}${xml.slice(lead).join('')}</table:table>`;
	}
}
