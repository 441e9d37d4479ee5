import { diffWordsWithSpace } from 'diff';

/** One run of a word diff between two texts, as the history view marks it. */
export interface TextChange {
	kind: 'same' | 'insert' | 'delete';
	text: string;
}

export interface TextDiff {
	changes: TextChange[];
	inserted: number;
	deleted: number;
}

/**
 * Word-level diff of two plain texts (jsdiff, ADR 0053): what a reader of a proposal wants to
 * see is which words changed, not which ProseMirror steps did it.
 */
export function diffTexts(before: string, after: string): TextDiff {
	const changes: TextChange[] = diffWordsWithSpace(before, after).map((part) => ({
		kind: part.added ? 'insert' : part.removed ? 'delete' : 'same',
		text: part.value
	}));
	return {
		changes,
		inserted: changes.filter((c) => c.kind === 'insert').reduce((n, c) => n + c.text.length, 0),
		deleted: changes.filter((c) => c.kind === 'delete').reduce((n, c) => n + c.text.length, 0)
	};
}
