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
	return linesOf(node).join('\n');
}

function inlineText(node: PmNode): string {
	if (typeof node.text === 'string') return node.text;
	if (node.type === 'hardBreak') return '\n';
	return (node.content ?? []).map(inlineText).join('');
}

function linesOf(node: PmNode): string[] {
	if (node.type === 'paragraph' || node.type === 'heading') {
		const text = inlineText(node);
		return text === '' ? [] : [text];
	}
	if (node.type === 'tableRow') {
		// A cell's paragraphs share its column: joined by a space, cells by a tab.
		const cells = (node.content ?? []).map((cell) => linesOf(cell).join(' '));
		return cells.some((cell) => cell !== '') ? [cells.join('\t')] : [];
	}
	return (node.content ?? []).flatMap(linesOf);
}

export function isEmptyDocument(node: PmNode): boolean {
	return countChars(node) === 0;
}
