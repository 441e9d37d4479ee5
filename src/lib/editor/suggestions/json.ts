import type { PmNode } from '../../proposals/section-text';

/** A pending suggestion on stored text (ProseMirror JSON): what kind, and who proposed it. */
export interface PendingSuggestion {
	kind: 'insert' | 'delete';
	author: string;
}

const KINDS: Record<string, PendingSuggestion['kind']> = {
	suggestion_insert: 'insert',
	suggestion_delete: 'delete'
};

export function suggestionOf(node: PmNode): PendingSuggestion | null {
	for (const mark of node.marks ?? []) {
		const kind = KINDS[mark.type];
		if (kind) return { kind, author: String(mark.attrs?.username ?? '') || '—' };
	}
	return null;
}

/**
 * Whether `nodes[index]` ends a run of one suggestion (the next text node is not the same kind
 * by the same author): readers see the author once per run, not once per bold word.
 */
export function closesSuggestion(nodes: readonly PmNode[], index: number): boolean {
	const here = suggestionOf(nodes[index]);
	if (!here) return false;
	const next = nodes[index + 1] ? suggestionOf(nodes[index + 1]) : null;
	return !(next && next.kind === here.kind && next.author === here.author);
}

/** The short marker printed after a run of suggested text: "[+ Name]" or "[− Name]". */
export function suggestionMarker(suggestion: PendingSuggestion): string {
	return `[${suggestion.kind === 'insert' ? '+' : '−'} ${suggestion.author}]`;
}

export function hasSuggestions(node: PmNode): boolean {
	return suggestionOf(node) !== null || (node.content ?? []).some(hasSuggestions);
}
