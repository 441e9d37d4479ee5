import type { PmNode } from '../../proposals/section-text';
import { MENTION_NODE, mentionText } from '../../editor/mention-node';
import { suggestionOf } from '../../editor/suggestions/json';
import type { Block, Inline, InlineText, TableRow } from './document-model';

/**
 * ProseMirror JSON (TipTap's starter kit + tables) → neutral blocks. Unknown nodes keep their
 * text as paragraphs rather than vanish: an export never silently drops what someone wrote.
 * `headingOffset` pushes headings inside a section below the section's own title.
 */
export function blocksFromProseMirror(doc: PmNode, headingOffset = 1): Block[] {
	return (doc.content ?? []).flatMap((node) => toBlocks(node, headingOffset));
}

function toBlocks(node: PmNode, offset: number): Block[] {
	switch (node.type) {
		case 'paragraph':
			return [{ type: 'paragraph', content: inlines(node) }];
		case 'heading': {
			const level = Number(node.attrs?.level ?? 1);
			return [{ type: 'heading', level: Math.min(6, level + offset), content: inlines(node) }];
		}
		case 'bulletList':
		case 'orderedList':
			return [
				{
					type: 'list',
					ordered: node.type === 'orderedList',
					items: (node.content ?? []).map((item) =>
						(item.content ?? []).flatMap((child) => toBlocks(child, offset))
					)
				}
			];
		case 'blockquote':
			return (node.content ?? []).flatMap((child) =>
				toBlocks(child, offset).map((block) =>
					block.type === 'paragraph' ? { ...block, style: 'quote' as const } : block
				)
			);
		case 'table':
			return [{ type: 'table', rows: (node.content ?? []).map((row) => tableRow(row, offset)) }];
		case 'horizontalRule':
			return [{ type: 'rule' }];
		case 'codeBlock':
			return [{ type: 'paragraph', content: [{ type: 'text', text: textOf(node), code: true }] }];
		default: {
			const text = textOf(node);
			return text ? [{ type: 'paragraph', content: [{ type: 'text', text }] }] : [];
		}
	}
}

function tableRow(row: PmNode, offset: number): TableRow {
	const cells = (row.content ?? []).map((cell) => ({
		header: cell.type === 'tableHeader',
		colspan: Number(cell.attrs?.colspan ?? 1),
		rowspan: Number(cell.attrs?.rowspan ?? 1),
		blocks: (cell.content ?? []).flatMap((child) => toBlocks(child, offset))
	}));
	return { header: cells.length > 0 && cells.every((cell) => cell.header), cells };
}

function inlines(node: PmNode): Inline[] {
	return (node.content ?? []).flatMap((child): Inline[] => {
		if (child.type === 'hardBreak') return [{ type: 'break' }];
		if (child.type === MENTION_NODE) {
			return [{ type: 'text', text: mentionText(child.attrs?.label) }];
		}
		if (typeof child.text !== 'string') return [];
		const run: InlineText = { type: 'text', text: child.text };
		for (const mark of child.marks ?? []) {
			if (mark.type === 'bold') run.bold = true;
			else if (mark.type === 'italic') run.italic = true;
			else if (mark.type === 'underline') run.underline = true;
			else if (mark.type === 'strike') run.strike = true;
			else if (mark.type === 'code') run.code = true;
			else if (mark.type === 'link') run.link = safeLink(mark.attrs?.href);
		}
		const change = suggestionOf(child);
		if (change) run.change = change;
		if (run.link === undefined) delete run.link;
		return [run];
	});
}

function safeLink(href: unknown): string | undefined {
	return typeof href === 'string' && /^(https?:|mailto:)/i.test(href) ? href : undefined;
}

function textOf(node: PmNode): string {
	if (typeof node.text === 'string') return node.text;
	return (node.content ?? []).map(textOf).join(node.type === 'doc' ? '\n' : '');
}
