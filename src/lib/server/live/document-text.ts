import * as Y from 'yjs';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { liveDocumentText } from '../db/schema';
import { TEXT_FIELD } from '../../editor/suggestions/text-field';
import { MENTION_NODE, mentionText } from '../../editor/mention-node';
import { parseDocumentName } from './name';

/**
 * The searchable text of live documents (ADR 0140). Kinds whose text is the editor's XML
 * fragment are indexed; lab boards (cards in maps) and action blocks are searched through their
 * rows instead. A new kind with rich text is one more entry here.
 */
const TEXT_KINDS = new Set(['section', 'minutes']);

export function isIndexedDocument(name: string): boolean {
	const parsed = parseDocumentName(name);
	return parsed !== null && TEXT_KINDS.has(parsed.kind);
}

/** The text of an XML fragment in reading order, one line per block. */
function fragmentText(node: Y.XmlFragment | Y.XmlElement): string {
	const lines: string[] = [];
	let inline = '';
	for (const child of node.toArray()) {
		if (child instanceof Y.XmlText) {
			inline += (child.toDelta() as { insert?: unknown }[])
				.map((op) => (typeof op.insert === 'string' ? op.insert : ''))
				.join('');
		} else if (child instanceof Y.XmlElement && child.nodeName === MENTION_NODE) {
			inline += mentionText(child.getAttribute('label'));
		} else if (child instanceof Y.XmlElement) {
			const text = fragmentText(child);
			if (text) lines.push(text);
		}
	}
	if (inline) lines.unshift(inline);
	return lines.join('\n');
}

/** A document's plain text, as search indexes it. */
export function documentPlainText(doc: Y.Doc): string {
	return fragmentText(doc.getXmlFragment(TEXT_FIELD));
}

export interface DocumentTextRow {
	documentName: string;
	kind: string;
	refId: string;
	body: string;
}

/** What search stores of the document (null: a kind whose text is not indexed). */
export function documentTextRow(name: string, doc: Y.Doc): DocumentTextRow | null {
	const parsed = parseDocumentName(name);
	if (!parsed || !TEXT_KINDS.has(parsed.kind)) return null;
	return { documentName: name, kind: parsed.kind, refId: parsed.id, body: documentPlainText(doc) };
}

/** Stores it, inside the caller's transaction when given one (the compaction's). */
export async function writeDocumentText(db: Db, row: DocumentTextRow): Promise<void> {
	await db
		.insert(liveDocumentText)
		.values(row)
		.onConflictDoUpdate({
			target: liveDocumentText.documentName,
			set: { body: row.body, updatedAt: sql`now()` }
		});
}
