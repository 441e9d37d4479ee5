import type { Node } from '@tiptap/pm/model';

/** One proposed change as the suggestions panel lists it. */
export interface Suggestion {
	kind: 'insert' | 'delete';
	author: string;
	text: string;
	from: number;
	to: number;
}

const KINDS = { suggestion_insert: 'insert', suggestion_delete: 'delete' } as const;

/**
 * The document's suggestions in order: adjacent text with the same kind and author is one
 * suggestion, so a typed word is one entry, not one per keystroke.
 */
export function listSuggestions(doc: Node): Suggestion[] {
	const found: Suggestion[] = [];
	doc.descendants((node, pos) => {
		if (!node.isText) return;
		for (const mark of node.marks) {
			const kind = KINDS[mark.type.name as keyof typeof KINDS];
			if (!kind) continue;
			const author = String(mark.attrs.username ?? '');
			const last = found.at(-1);
			if (last && last.kind === kind && last.author === author && last.to === pos) {
				last.to = pos + node.nodeSize;
				last.text += node.text ?? '';
			} else {
				found.push({ kind, author, text: node.text ?? '', from: pos, to: pos + node.nodeSize });
			}
		}
	});
	return found;
}
