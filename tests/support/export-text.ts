import { strFromU8, unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of a DOCX's body, tags removed. */
export function docxText(bytes: Uint8Array): string {
	return strFromU8(unzipSync(bytes)['word/document.xml']).replace(/<[^>]+>/g, '');
}

/** The text of every page of a PDF, as pdf.js reads it (what a screen reader gets). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
	const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
	let text = '';
	for (let n = 1; n <= pdf.numPages; n++) {
		const content = await (await pdf.getPage(n)).getTextContent();
		text += content.items.map((item) => ('str' in item ? item.str : '')).join('') + '\n';
	}
	return text;
}

/** Without whitespace, so a line wrapped in a PDF still compares equal; XML entities decoded. */
export function squeezed(text: string): string {
	return text
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;|&#39;/g, "'")
		.replace(/\s+/g, '');
}

/** Whether every needle occurs in the text, in this order (whitespace ignored). */
export function inOrder(text: string, needles: string[]): boolean {
	const haystack = squeezed(text);
	let from = 0;
	for (const needle of needles.map(squeezed)) {
		const at = haystack.indexOf(needle, from);
		if (at === -1) return false;
		from = at + needle.length;
	}
	return true;
}
