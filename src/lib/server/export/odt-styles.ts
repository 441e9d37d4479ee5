import type { ExportDocument } from './document-model';
import { escapeXml, NS, odfText } from './odt-xml';

/**
 * styles.xml: named styles with their ODF display names, so LibreOffice and Word show "Titolo 1"
 * etc. as real headings (outline levels) and screen readers navigate by them.
 */
export function stylesXml(language: string, running?: ExportDocument['running']): string {
	const [lang, country = ''] = language.split('-');
	const headings = [1, 2, 3, 4, 5, 6]
		.map(
			(level) =>
				`<style:style style:name="Heading_20_${level}" style:display-name="Heading ${level}" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="${level}"><style:text-properties fo:font-size="${[18, 15, 13, 12, 11, 11][level - 1]}pt" fo:font-weight="bold"/></style:style>`
		)
		.join('');
	const list = (name: string, ordered: boolean) =>
		`<text:list-style style:name="${name}">${[1, 2, 3, 4, 5, 6]
			.map((level) =>
				ordered
					? `<text:list-level-style-number text:level="${level}" style:num-suffix="." style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.25in" fo:margin-left="${0.25 * (level + 1)}in"/></style:list-level-properties></text:list-level-style-number>`
					: `<text:list-level-style-bullet text:level="${level}" text:bullet-char="${level % 2 ? '•' : '◦'}"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.25in" fo:margin-left="${0.25 * (level + 1)}in"/></style:list-level-properties></text:list-level-style-bullet>`
			)
			.join('')}</text:list-style>`;
	return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${NS} office:version="1.3"><office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.08in"/><style:text-properties fo:font-size="11pt" fo:language="${escapeXml(lang)}" fo:country="${escapeXml(country)}"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"/>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text"><style:paragraph-properties fo:margin-top="0.17in" fo:margin-bottom="0.08in" fo:keep-with-next="always"/></style:style>
${headings}
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading" style:class="chapter"><style:text-properties fo:font-size="24pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Heading" style:class="chapter"><style:text-properties fo:font-size="15pt"/></style:style>
<style:style style:name="Quotations" style:family="paragraph" style:parent-style-name="Standard" style:class="html"><style:paragraph-properties fo:margin-left="0.4in"/><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="Note" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="0.25in"/><style:text-properties fo:font-style="italic" fo:color="#444444"/></style:style>
<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>
<style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Internet_20_link" style:display-name="Internet link" style:family="text"><style:text-properties fo:color="#0066cc" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>
${list('List_20_Bullet', false)}${list('List_20_Number', true)}
<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:text-properties fo:font-size="8pt" fo:color="#444444"/></style:style>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="8pt" fo:color="#444444"/></style:style>
</office:styles>${masterPage(running)}</office:document-styles>`;
}

/**
 * The default page (A4) with the running header and "Pagina N di M" footer: ODF fields
 * (text:page-number, text:page-count) that the reader's office suite fills in.
 */
function masterPage(running: ExportDocument['running']): string {
	const layout = `<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/><style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.4cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout></office:automatic-styles>`;
	const parts = running
		? `<style:header><text:p text:style-name="Header">${odfText(running.header)}</text:p></style:header><style:footer><text:p text:style-name="Footer">${odfText(running.page)} <text:page-number text:select-page="current">1</text:page-number> ${odfText(running.of)} <text:page-count>1</text:page-count></text:p></style:footer>`
		: '';
	return `${layout}<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">${parts}</style:master-page></office:master-styles>`;
}

export function metaXml(title: string, language: string, at: Date): string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta ${NS} office:version="1.3"><office:meta><meta:generator>Tavolo</meta:generator><dc:title>${escapeXml(title)}</dc:title><dc:language>${escapeXml(language)}</dc:language><dc:date>${at.toISOString()}</dc:date></office:meta></office:document-meta>`;
}

export const MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>`;
