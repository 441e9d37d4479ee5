import { diffWordsWithSpace } from 'diff';
import type { TextRun } from './section-text';

/** One run of a word diff between two texts, as the history view marks it. */
export interface TextChange {
	kind: 'same' | 'insert' | 'delete';
	text: string;
	/** Who wrote an inserted run (an author key of src/lib/proposals/authorship.ts), if known. */
	author?: string;
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
export function diffTexts(before: string, after: string | TextRun[]): TextDiff {
	const runs = typeof after === 'string' ? null : after;
	const afterText = runs ? runs.map((run) => run.text).join('') : (after as string);
	let offset = 0;
	const changes: TextChange[] = diffWordsWithSpace(before, afterText).flatMap(
		(part): TextChange[] => {
			if (part.removed) return [{ kind: 'delete', text: part.value }];
			const from = offset;
			offset += part.value.length;
			if (!part.added) return [{ kind: 'same', text: part.value }];
			if (!runs) return [{ kind: 'insert', text: part.value }];
			return sliceRuns(runs, from, offset).map((run) => ({ kind: 'insert', ...run }));
		}
	);
	return {
		changes,
		inserted: changes.filter((c) => c.kind === 'insert').reduce((n, c) => n + c.text.length, 0),
		deleted: changes.filter((c) => c.kind === 'delete').reduce((n, c) => n + c.text.length, 0)
	};
}

/** The runs covering characters [from, to) of their joined text, cut at the edges. */
function sliceRuns(runs: TextRun[], from: number, to: number): TextRun[] {
	const sliced: TextRun[] = [];
	let at = 0;
	for (const run of runs) {
		const end = at + run.text.length;
		if (end > from && at < to) {
			const text = run.text.slice(Math.max(0, from - at), Math.min(run.text.length, to - at));
			const last = sliced.at(-1);
			if (last && last.author === run.author) last.text += text;
			else sliced.push(run.author ? { text, author: run.author } : { text });
		}
		if (end >= to) break;
		at = end;
	}
	return sliced;
}
