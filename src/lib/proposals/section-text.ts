import { AUTHOR_MARK } from './authorship';
import { MENTION_NODE, mentionText } from '../editor/mention-node';

/**
 * Reading a section's ProseMirror JSON as plain text. The length that counts against a limit
 * is the characters of text, spaces included, without line breaks between blocks: the same
 * figure as `editor.state.doc.textContent.length` in the browser.
 */
export interface PmNode {
	type: string;
	attrs?: Record<string, unknown>;
	content?: PmNode[];
	marks?: { type: string; attrs?: Record<string, unknown> }[];
	text?: string;
}

export function countChars(node: PmNode): number {
	if (typeof node.text === 'string') return node.text.length;
	return (node.content ?? []).reduce((sum, child) => sum + countChars(child), 0);
}

/** Text with one line per block and tabs between table cells: for diffs and searches. */
export function plainText(node: PmNode): string {
	return plainTextRuns(node)
		.map((run) => run.text)
		.join('');
}

/** A piece of plain text and the `author` mark of the text node it came from, if any. */
export interface TextRun {
	text: string;
	author?: string;
}

/** `plainText` in pieces that keep their author (separators have none): diffs name authors. */
export function plainTextRuns(node: PmNode): TextRun[] {
	return joinRuns(linesOf(node), '\n');
}

const textLength = (runs: TextRun[]) => runs.reduce((n, run) => n + run.text.length, 0);

function joinRuns(parts: TextRun[][], separator: string): TextRun[] {
	return parts.flatMap((part, index) => (index === 0 ? part : [{ text: separator }, ...part]));
}

function inlineRuns(node: PmNode): TextRun[] {
	if (typeof node.text === 'string') {
		const author = node.marks?.find((mark) => mark.type === AUTHOR_MARK)?.attrs?.author;
		return [typeof author === 'string' ? { text: node.text, author } : { text: node.text }];
	}
	if (node.type === 'hardBreak') return [{ text: '\n' }];
	return (node.content ?? []).flatMap(inlineRuns);
}

function linesOf(node: PmNode): TextRun[][] {
	if (node.type === 'paragraph' || node.type === 'heading') {
		const runs = inlineRuns(node);
		return textLength(runs) === 0 ? [] : [runs];
	}
	if (node.type === 'tableRow') {
		// A cell's paragraphs share its column: joined by a space, cells by a tab.
		const cells = (node.content ?? []).map((cell) => joinRuns(linesOf(cell), ' '));
		return cells.some((cell) => textLength(cell) > 0) ? [joinRuns(cells, '\t')] : [];
	}
	return (node.content ?? []).flatMap(linesOf);
}

/**
 * The characters, spaces included, that the export lays out for this text (ADR 0199): what
 * counts against a page limit. As the exports print it: a list item's marker ("• ", "3. "),
 * a line break, a mention as "@Nome Cognome", every table cell's text; line ends between
 * blocks are not characters. `countChars` counts the editor's raw text, which has none of those.
 */
export function layoutChars(node: PmNode): number {
	if (typeof node.text === 'string') return node.text.length;
	if (node.type === 'hardBreak') return 1;
	if (node.type === MENTION_NODE) return mentionText(node.attrs?.label).length;
	const items = node.content ?? [];
	if (node.type === 'bulletList' || node.type === 'orderedList') {
		// The exports number every list from 1, as they print it.
		return items.reduce((sum, item, index) => {
			const marker = node.type === 'orderedList' ? `${index + 1}. ` : '• ';
			return sum + marker.length + layoutChars(item);
		}, 0);
	}
	return items.reduce((sum, child) => sum + layoutChars(child), 0);
}

export function isEmptyDocument(node: PmNode): boolean {
	return countChars(node) === 0;
}
