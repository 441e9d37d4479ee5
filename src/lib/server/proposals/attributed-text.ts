import * as Y from 'yjs';
import type { AuthorshipMap } from '../live/authorship/claims';
import { AUTHOR_MARK, UNKNOWN_AUTHOR } from '../../proposals/authorship';
import type { PmNode } from '../../proposals/section-text';

/** y-prosemirror stores overlapping marks of one type as `name--hash`. */
const HASHED_MARK = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

interface AuthorRun {
	authorId: string;
	length: number;
}

/**
 * A section's rich text as ProseMirror JSON (as y-tiptap's `yXmlFragmentToProsemirrorJSON`
 * gives it) with every text node split where its author changes and marked `author`. Authors
 * come from `map` — what the server saw each person send — never from the document.
 */
export function attributedJson(
	fragment: Y.XmlFragment,
	map: AuthorshipMap
): { json: PmNode; chars: Map<string, number> } {
	const chars = new Map<string, number>();
	const serialize = (type: Y.XmlElement | Y.XmlText | Y.XmlHook): PmNode[] => {
		if (type instanceof Y.XmlText) return attributedText(type, map, chars);
		if (!(type instanceof Y.XmlElement)) return [];
		const node: PmNode = { type: type.nodeName };
		const attrs = type.getAttributes();
		if (Object.keys(attrs).length > 0) node.attrs = attrs;
		const content = type.toArray().flatMap(serialize);
		if (content.length > 0) node.content = content;
		return [node];
	};
	return { json: { type: 'doc', content: fragment.toArray().flatMap(serialize) }, chars };
}

function attributedText(text: Y.XmlText, map: AuthorshipMap, chars: Map<string, number>): PmNode[] {
	const runs = authorRuns(text, map);
	const nodes: PmNode[] = [];
	let previous: string | null = null;
	for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
		const value = typeof op.insert === 'string' ? op.insert : '';
		const marks = Object.entries(op.attributes ?? {}).map(([name, attrs]) => ({
			type: HASHED_MARK.exec(name)?.[1] ?? name,
			attrs: attrs as Record<string, unknown>
		}));
		// An embed counts one in the runs but has no text to show.
		let left = typeof op.insert === 'string' ? value.length : 1;
		let offset = 0;
		while (left > 0 && runs.length > 0) {
			const run = runs[0];
			const take = Math.min(run.length, left);
			if (value) {
				// `start`: where the author changes, the view shows whose passage begins.
				const attrs = { author: run.authorId, start: run.authorId !== previous };
				nodes.push({
					type: 'text',
					text: value.slice(offset, offset + take),
					marks: [...marks, { type: AUTHOR_MARK, attrs }]
				});
				previous = run.authorId;
				chars.set(run.authorId, (chars.get(run.authorId) ?? 0) + take);
			}
			offset += take;
			left -= take;
			run.length -= take;
			if (run.length === 0) runs.shift();
		}
	}
	return nodes;
}

/** Authors of the visible content of `text`, in document order. */
function authorRuns(text: Y.XmlText, map: AuthorshipMap): AuthorRun[] {
	const runs: AuthorRun[] = [];
	for (let item = text._start; item !== null; item = item.right) {
		if (item.deleted || !item.countable) continue;
		for (const run of map.runs(item.id.client, item.id.clock, item.length)) {
			const authorId = run.authorId ?? UNKNOWN_AUTHOR;
			const last = runs.at(-1);
			if (last && last.authorId === authorId) last.length += run.length;
			else runs.push({ authorId, length: run.length });
		}
	}
	return runs;
}
