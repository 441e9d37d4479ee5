import * as Y from 'yjs';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { sectionSchema } from '../../proposals/editor-schema';

/**
 * What a suggest-only writer may not change (ADR 0095), read straight from the Yjs fragment as
 * y-prosemirror stores it, so the reading does not depend on how an update was encoded:
 *
 * - `agreed`: the text everyone agreed on — the document without suggested insertions and with
 *   suggested deletions kept as plain text. Each character counts with its formatting and the
 *   kinds of the blocks around it (a paragraph becoming a heading is a change). Where one block
 *   ends and the next begins does not count: suggestion mode cannot mark a split paragraph
 *   (Enter) and shows a join as a `¶` marked for deletion, so those markers do not count either.
 * - `suggested`: for each kind and author, the text of their proposals in document order.
 */
export interface AgreedText {
	agreed: string;
	suggested: Map<string, string>;
}

type SuggestionKind = 'suggestion_insert' | 'suggestion_delete';

/** y-prosemirror names a mark that may occur several times `<name>--<hash>`. */
const HASHED_MARK = /^(.*)--[a-zA-Z0-9+/=]{8}$/;
const markName = (attribute: string) => HASHED_MARK.exec(attribute)?.[1] ?? attribute;
const isSuggestion = (name: string): name is SuggestionKind =>
	name === 'suggestion_insert' || name === 'suggestion_delete';
/** What suggestion mode itself adds to show a deleted block boundary. */
const BOUNDARY_MARKERS = /[¶\u200B]/g;
/** One character standing for a leaf node (line break, rule) in the agreed text. */
const LEAF = '\uFFFC';

interface Mark {
	name: string;
	value: unknown;
}

interface Reader {
	runs: { key: string; text: string }[];
	suggested: Map<string, string>;
}

/** The agreed text of a section's Yjs fragment, as the server reads it. */
export function agreedText(fragment: Y.XmlFragment): AgreedText {
	const reader: Reader = { runs: [], suggested: new Map() };
	readChildren(reader, fragment, '');
	return finish(reader);
}

/** The same reading of a ProseMirror document, as the editor holds it. */
export function agreedTextOfNode(doc: ProseMirrorNode): AgreedText {
	const reader: Reader = { runs: [], suggested: new Map() };
	const walk = (node: ProseMirrorNode, path: string) =>
		node.forEach((child) => {
			const marks = child.marks.map((mark) => ({ name: mark.type.name, value: mark.attrs }));
			if (child.isText) return readRun(reader, child.text ?? '', marks, path);
			const here = `${path}/${child.type.name}${canonical(child.attrs)}`;
			if (child.isLeaf) readRun(reader, LEAF, marks, here);
			else walk(child, here);
		});
	walk(doc, '');
	return finish(reader);
}

function finish(reader: Reader): AgreedText {
	return {
		agreed: reader.runs.map((run) => `${run.key}\u0001${run.text}`).join('\u0002'),
		suggested: reader.suggested
	};
}

/** The author a suggestion mark is signed with (`data.authorId`, as suggestion-mode.ts sets it). */
export function suggestionAuthor(value: unknown): string {
	const data = (value as { data?: { authorId?: unknown } } | null)?.data;
	return typeof data?.authorId === 'string' ? data.authorId : '';
}

export const suggestionKey = (kind: SuggestionKind, authorId: string) => `${kind}\u0000${authorId}`;

function readChildren(reader: Reader, parent: Y.XmlFragment | Y.XmlElement, path: string) {
	for (const child of parent.toArray()) {
		if (child instanceof Y.XmlText) readText(reader, child, path);
		else if (child instanceof Y.XmlElement) readElement(reader, child, path);
	}
}

function readElement(reader: Reader, element: Y.XmlElement, path: string) {
	const { marks, ...attributes } = element.getAttributes() as Record<string, unknown>;
	const here = `${path}/${element.nodeName}${canonical(attributes)}`;
	if (!sectionSchema().nodes[element.nodeName]?.isLeaf) {
		readChildren(reader, element, here);
		return;
	}
	// Inline leaves keep their marks as an attribute (y-prosemirror), as `{ type, attrs }`.
	const leafMarks = Array.isArray(marks)
		? (marks as { type?: string; attrs?: unknown }[]).map((mark) => ({
				name: String(mark.type),
				value: mark.attrs ?? {}
			}))
		: [];
	readRun(reader, LEAF, leafMarks, here);
}

function readText(reader: Reader, text: Y.XmlText, path: string) {
	for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
		const insert = typeof op.insert === 'string' ? op.insert : LEAF;
		const marks = Object.entries(op.attributes ?? {})
			.filter(([, value]) => value != null)
			.map(([attribute, value]) => ({ name: markName(attribute), value }));
		readRun(reader, insert, marks, path);
	}
}

function readRun(reader: Reader, text: string, marks: Mark[], path: string) {
	const suggestion = marks.find((mark) => isSuggestion(mark.name));
	if (suggestion) {
		const key = suggestionKey(
			suggestion.name as SuggestionKind,
			suggestionAuthor(suggestion.value)
		);
		reader.suggested.set(key, (reader.suggested.get(key) ?? '') + text);
	}
	if (suggestion?.name === 'suggestion_insert') return;
	const agreed = suggestion ? text.replace(BOUNDARY_MARKERS, '') : text;
	if (agreed === '') return;
	const formatting = marks
		.filter((mark) => !isSuggestion(mark.name))
		.map((mark) => `${mark.name}${canonical(mark.value)}`)
		.sort()
		.join(',');
	const key = `${path}|${formatting}`;
	const last = reader.runs.at(-1);
	if (last?.key === key) last.text += agreed;
	else reader.runs.push({ key, text: agreed });
}

/** Attribute values as one string, key order and absent (null) values aside. */
function canonical(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, inner]) => inner != null)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(',')}}`;
}

/** Why a suggest-only change was refused; null when it only touched the author's suggestions. */
export type SuggestionViolation = 'agreed_text_changed' | 'foreign_suggestion';

/**
 * A suggest-only author may add and remove their own suggestions. The agreed text must stay as
 * it was, and other people's suggestions may only shrink (typing inside someone's proposal is
 * not allowed to add text signed with their name).
 */
export function suggestionViolation(
	before: AgreedText,
	after: AgreedText,
	authorId: string
): SuggestionViolation | null {
	if (before.agreed !== after.agreed) return 'agreed_text_changed';
	for (const [key, text] of after.suggested) {
		if (authorId !== '' && key.slice(key.indexOf('\u0000') + 1) === authorId) continue;
		if (!isSubsequence(text, before.suggested.get(key) ?? '')) return 'foreign_suggestion';
	}
	return null;
}

function isSubsequence(part: string, whole: string): boolean {
	let at = 0;
	for (const char of part) {
		at = whole.indexOf(char, at);
		if (at < 0) return false;
		at += char.length;
	}
	return true;
}
