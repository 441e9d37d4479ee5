import * as Y from 'yjs';
import { Node } from '@tiptap/pm/model';
import { prosemirrorToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { SECTION_FRAGMENT, sectionSchema } from '../../proposals/editor-schema';
import { MAX_SECTION_CHARS } from '../../proposals/limits';
import { countChars, type PmNode } from '../../proposals/section-text';
import { InvalidError } from '../errors';
import { captureUpdate } from './capture-update';

/** The live document of a section's rich text, and of a proposal's action blocks. */
export const sectionDocumentName = (sectionId: string) => `section:${sectionId}`;
export const actionsDocumentName = (proposalId: string) => `actions:${proposalId}`;

/**
 * A section's text as ProseMirror JSON (an empty doc when nothing was written yet); with
 * `field`, another fragment of its document (one action's text, `actionField`, ADR 0198).
 */
export function sectionJson(doc: Y.Doc, field: string = SECTION_FRAGMENT): PmNode {
	const json = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(field)) as PmNode;
	return json.content?.length ? json : { type: 'doc', content: [] };
}

/** Refuses text over the per-section maximum before anything is written. */
export function assertSectionSize(json: PmNode): void {
	if (countChars(json) > MAX_SECTION_CHARS) throw new InvalidError('proposal_section_too_large');
}

/**
 * The Yjs update that turns `doc` into `json` (null if it already holds it), computed as a diff (y-prosemirror's own update
 * routine), so unchanged paragraphs keep their identity and comment anchors in them survive.
 * Validates `json` against the editor schema: content the editor could not show is refused.
 */
export function replaceContentUpdate(
	doc: Y.Doc,
	json: PmNode,
	field: string = SECTION_FRAGMENT
): Uint8Array | null {
	assertSectionSize(json);
	let node: Node;
	try {
		node = Node.fromJSON(sectionSchema(), json.content?.length ? json : emptyDoc());
		node.check();
	} catch {
		throw new InvalidError('invalid', { content: ['schema'] });
	}
	return captureUpdate(doc, () => prosemirrorToYXmlFragment(node, doc.getXmlFragment(field)));
}

/** A fresh document's first update holding `json` (seeding, tests). */
export function contentUpdate(json: PmNode): Uint8Array {
	const doc = new Y.Doc();
	try {
		return replaceContentUpdate(doc, json) ?? Y.encodeStateAsUpdate(doc);
	} finally {
		doc.destroy();
	}
}

const emptyDoc = (): PmNode => ({ type: 'doc', content: [{ type: 'paragraph' }] });

/**
 * The opening text of a `table` section: the call's column headings as a header row and one
 * empty row to write in, so partners fill the table the call prints instead of drawing one.
 */
export function tableSkeleton(columns: readonly string[]): PmNode {
	const cell = (type: 'tableHeader' | 'tableCell', text: string): PmNode => ({
		type,
		attrs: { colspan: 1, rowspan: 1, colwidth: null },
		content: [{ type: 'paragraph', ...(text ? { content: [{ type: 'text', text }] } : {}) }]
	});
	return {
		type: 'doc',
		content: [
			{
				type: 'table',
				content: [
					{ type: 'tableRow', content: columns.map((title) => cell('tableHeader', title)) },
					{ type: 'tableRow', content: columns.map(() => cell('tableCell', '')) }
				]
			}
		]
	};
}
