import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import * as Y from 'yjs';
import type { LiveDocuments } from '../live/live';
import { TEXT_FIELD } from '../../editor/suggestions/text-field';
import { formatDocumentName } from '../live/name';

/**
 * The live minutes are a TipTap document in the Yjs XML fragment TipTap's Collaboration
 * extension uses by default. Server code builds and reads it in y-prosemirror's shape:
 * one XmlElement per block, XmlText inside.
 */
export const MINUTES_FIELD = TEXT_FIELD;

export function minutesDocumentName(meetingId: string): string {
	return formatDocumentName('minutes', meetingId);
}

function textNode(content: string): Y.XmlText {
	const text = new Y.XmlText();
	text.insert(0, content);
	return text;
}

/**
 * The minutes' starting structure: one level-2 heading per agenda item ("N. title"), each followed
 * by the given paragraphs (one empty paragraph to write in when none).
 */
export function buildMinutesDoc(agenda: readonly string[], texts: readonly string[][] = []): Y.Doc {
	const doc = new Y.Doc();
	const blocks = agenda.flatMap((title, index) => {
		const heading = new Y.XmlElement('heading');
		heading.setAttribute('level', 2 as unknown as string);
		heading.insert(0, [textNode(`${index + 1}. ${title}`)]);
		const paragraphs = (texts[index]?.length ? texts[index] : ['']).map((text) => {
			const paragraph = new Y.XmlElement('paragraph');
			if (text) paragraph.insert(0, [textNode(text)]);
			return paragraph;
		});
		return [heading, ...paragraphs];
	});
	doc.getXmlFragment(MINUTES_FIELD).insert(0, blocks);
	return doc;
}

/**
 * How the minutes' agenda headings differ from the agenda: the headings expected and not found,
 * and those found and not expected (in document order). Both empty: the structure holds.
 */
export function agendaDrift(
	doc: Y.Doc,
	agenda: readonly string[]
): { missing: string[]; unexpected: string[] } {
	const expected = agenda.map((title, index) => `${index + 1}. ${title}`);
	const found = doc
		.getXmlFragment(MINUTES_FIELD)
		.toArray()
		.filter(
			(node): node is Y.XmlElement =>
				node instanceof Y.XmlElement &&
				node.nodeName === 'heading' &&
				Number(node.getAttribute('level')) === 2
		)
		.map((heading) => inlineText(heading));
	if (found.length === expected.length && found.every((text, i) => text === expected[i])) {
		return { missing: [], unexpected: [] };
	}
	return {
		missing: expected.filter((text) => !found.includes(text)),
		unexpected: found.filter((text) => !expected.includes(text))
	};
}

export async function seedMinutesDocument(
	live: LiveDocuments,
	name: string,
	agenda: readonly string[]
): Promise<void> {
	const doc = buildMinutesDoc(agenda);
	await live.write(name, Y.encodeStateAsUpdate(doc));
	doc.destroy();
}

export interface MinutesBlock {
	kind: 'heading' | 'paragraph' | 'item';
	text: string;
}

/** Plain text of a run; an embed counts as one character, as it does in Yjs positions. */
function inlineOf(text: Y.XmlText): string {
	return text
		.toDelta()
		.map((op: { insert: unknown }) => (typeof op.insert === 'string' ? op.insert : ' '))
		.join('');
}

function inlineText(element: Y.XmlElement): string {
	return element
		.toArray()
		.map((child) => (child instanceof Y.XmlText ? inlineOf(child) : '\n'))
		.join('');
}

/** The document as plain blocks: headings, paragraphs and list items, in order. */
export function minutesBlocks(doc: Y.Doc): MinutesBlock[] {
	const blocks: MinutesBlock[] = [];
	const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlHook, inList: boolean) => {
		if (!(node instanceof Y.XmlElement)) return;
		if (node.nodeName === 'heading') blocks.push({ kind: 'heading', text: inlineText(node) });
		else if (node.nodeName === 'paragraph' || node.nodeName === 'codeBlock') {
			blocks.push({ kind: inList ? 'item' : 'paragraph', text: inlineText(node) });
		} else {
			const list = inList || node.nodeName === 'listItem';
			for (const child of node.toArray()) walk(child, list);
		}
	};
	for (const node of doc.getXmlFragment(MINUTES_FIELD).toArray()) walk(node, false);
	return blocks.filter((block) => block.kind === 'heading' || block.text.trim() !== '');
}

/** Readable text of the minutes: what is hashed and printed when they are approved. */
export function renderMinutesText(blocks: readonly MinutesBlock[]): string {
	return blocks
		.map((b) =>
			b.kind === 'heading' ? `\n${b.text}\n` : b.kind === 'item' ? `- ${b.text}` : b.text
		)
		.join('\n')
		.trim();
}

/** What approval stores for ever: the state, its readable text, and the text's SHA-256. */
export function approvalRecord(doc: Y.Doc): { state: Uint8Array; text: string; sha256: string } {
	const text = renderMinutesText(minutesBlocks(doc));
	return {
		state: Y.encodeStateAsUpdate(doc),
		text,
		sha256: encodeHexLowerCase(sha256(new TextEncoder().encode(text)))
	};
}

function* textNodes(node: Y.XmlElement | Y.XmlFragment): Generator<Y.XmlText> {
	for (const child of node.toArray()) {
		if (child instanceof Y.XmlText) yield child;
		else if (child instanceof Y.XmlElement) yield* textNodes(child);
	}
}

/**
 * The marks of suggestion mode, as y-prosemirror stores them: formatting attributes named after
 * the mark, with a `--<hash>` suffix when the mark type allows several (as these do).
 */
const SUGGESTION_MARKS = new Set(['suggestion_insert', 'suggestion_delete']);
const isSuggestion = (attribute: string, value: unknown) =>
	value != null && SUGGESTION_MARKS.has(attribute.split('--')[0]);

/**
 * How many runs of text still carry a suggestion (proposed insertion or deletion) that the chair
 * has neither accepted nor rejected.
 */
export function pendingSuggestions(doc: Y.Doc): number {
	let count = 0;
	for (const text of textNodes(doc.getXmlFragment(MINUTES_FIELD))) {
		for (const op of text.toDelta() as { attributes?: Record<string, unknown> }[]) {
			const marks = Object.entries(op.attributes ?? {});
			if (marks.some(([attribute, value]) => isSuggestion(attribute, value))) count += 1;
		}
	}
	return count;
}
