import * as Y from 'yjs';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { suggestionModePlugin } from 'prosemirror-suggestion-mode';
import { SECTION_FRAGMENT, sectionSchema } from '../../src/lib/proposals/editor-schema';

export interface Author {
	id: string;
	name: string;
}

/**
 * A headless section editor on a real Y.Doc: the shared section schema, the suggestion-mode
 * plugin configured as the canvas configures it (when `suggesting` is given), and
 * y-prosemirror's own diff writing each change into the document. What it sends is what a
 * browser's editor sends for the same keystrokes. `field`: another text of the document (one
 * action's, ADR 0198).
 */
export function sectionEditor(doc: Y.Doc, suggesting?: Author, field = SECTION_FRAGMENT) {
	const fragment = doc.getXmlFragment(field);
	const plugins = suggesting
		? [
				suggestionModePlugin({
					inSuggestionMode: true,
					username: suggesting.name,
					data: { authorId: suggesting.id },
					hoverMenuOptions: { disabled: true }
				})
			]
		: [];
	const read = () => yXmlFragmentToProseMirrorRootNode(fragment, sectionSchema());
	return {
		/** Applies one transaction (suggestion mode runs on it) and writes the result to the doc. */
		change(build: (tr: Transaction) => Transaction): void {
			const state = EditorState.create({ schema: sectionSchema(), doc: read(), plugins });
			const next = state.applyTransaction(build(state.tr)).state;
			doc.transact(() => prosemirrorToYXmlFragment(next.doc, fragment));
		},
		/** Runs an editor command (accept or reject suggestions) and writes the result. */
		command(run: (state: EditorState, dispatch: (tr: Transaction) => void) => unknown): void {
			let state = EditorState.create({ schema: sectionSchema(), doc: read(), plugins });
			run(state, (tr) => (state = state.apply(tr)));
			doc.transact(() => prosemirrorToYXmlFragment(state.doc, fragment));
		},
		/** Position just after the first occurrence of `text` (ProseMirror positions). */
		after(text: string): number {
			return positionOf(read(), text) + text.length;
		},
		before: (text: string) => positionOf(read(), text),
		text: () => read().textContent
	};
}

function positionOf(node: ReturnType<typeof yXmlFragmentToProseMirrorRootNode>, text: string) {
	let found = -1;
	node.descendants((child, pos) => {
		if (found >= 0 || !child.isText) return found < 0;
		const index = child.text!.indexOf(text);
		if (index >= 0) found = pos + index;
		return false;
	});
	if (found < 0) throw new Error(`"${text}" is not in the section`);
	return found;
}

/** Moves the cursor, as a click would, before a keystroke-like change. */
export const at = (tr: Transaction, pos: number) =>
	tr.setSelection(TextSelection.create(tr.doc, pos));

/** A section document holding the given paragraphs, as the server seeds one. */
export function sectionDoc(...paragraphs: string[]): Y.Doc {
	const doc = new Y.Doc();
	const schema = sectionSchema();
	const node = schema.node(
		'doc',
		null,
		paragraphs.map((text) => schema.node('paragraph', null, text ? [schema.text(text)] : []))
	);
	prosemirrorToYXmlFragment(node, doc.getXmlFragment(SECTION_FRAGMENT));
	return doc;
}
