/** XML text for ODF: escaped, invalid characters dropped, spaces and tabs kept as ODF wants. */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
	return text
		.replace(INVALID_XML, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/** ODF collapses runs of spaces: keep them with <text:s/>, tabs and newlines as elements. */
export function odfText(text: string): string {
	return escapeXml(text)
		.replace(/\t/g, '<text:tab/>')
		.replace(/\n/g, '<text:line-break/>')
		.replace(/^ | {2,}/g, (spaces, offset: number) => {
			const kept = offset === 0 ? spaces.length : spaces.length - 1;
			return (offset === 0 ? '' : ' ') + `<text:s text:c="${kept}"/>`;
		});
}

export const NS = [
	'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
	'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
	'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
	'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
	'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
	'xmlns:xlink="http://www.w3.org/1999/xlink"',
	'xmlns:dc="http://purl.org/dc/elements/1.1/"',
	'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
].join(' ');
