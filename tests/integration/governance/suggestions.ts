import { EditorState, Plugin, TextSelection, type Transaction } from '@tiptap/pm/state';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { acceptAllSuggestions, suggestionModePlugin } from 'prosemirror-suggestion-mode';
import * as Y from 'yjs';
import { sectionSchema } from '../../../src/lib/proposals/editor-schema';
import { MINUTES_FIELD } from '../../../src/lib/server/governance/minutes-document';

/**
 * What the browsers do to the minutes document, done in Node with the same libraries: the
 * editor state over the Yjs fragment (the minutes' content is a subset of the section schema,
 * which carries the suggestion marks), a change, and the result written back as y-prosemirror
 * does. No hand-made marks: the suggestion-mode plugin makes them.
 */
function editFragment(
	doc: Y.Doc,
	plugins: Plugin[],
	change: (state: EditorState) => Transaction | null
): void {
	const fragment = doc.getXmlFragment(MINUTES_FIELD);
	const start = yXmlFragmentToProseMirrorRootNode(fragment, sectionSchema());
	let state = EditorState.create({ doc: start, plugins });
	const tr = change(state);
	if (!tr) return;
	state = state.apply(tr);
	doc.transact(() => {
		updateYFragment(doc, fragment, state.doc, { mapping: new Map(), isOMark: new Map() });
	});
}

/** A member in suggestion mode selects `quote` and types `replacement` over it. */
export function suggestReplacement(
	doc: Y.Doc,
	author: { id: string; name: string },
	quote: string,
	replacement: string
): void {
	const plugin = suggestionModePlugin({
		inSuggestionMode: true,
		username: author.name,
		data: { authorId: author.id },
		hoverMenuOptions: { disabled: true }
	});
	editFragment(doc, [new Plugin({ ...plugin.spec, view: undefined })], (state) => {
		let from = -1;
		state.doc.descendants((node, pos) => {
			const at = node.isText ? (node.text ?? '').indexOf(quote) : -1;
			if (from < 0 && at >= 0) from = pos + at;
		});
		if (from < 0) throw new Error(`"${quote}" is not in the minutes`);
		const tr = state.tr.setSelection(TextSelection.create(state.doc, from, from + quote.length));
		return tr.insertText(replacement);
	});
}

/** The chair presses "Accept all" in the suggestions panel. */
export function acceptAll(doc: Y.Doc): void {
	editFragment(doc, [], (state) => {
		let accepted: Transaction | null = null;
		acceptAllSuggestions(state, (tr) => (accepted = tr));
		return accepted;
	});
}

/** A member types into the first paragraph of the minutes (the draft, no suggestion mode). */
export function typeInto(doc: Y.Doc, text: string): Uint8Array {
	const before = Y.encodeStateVector(doc);
	const paragraph = doc.getXmlFragment(MINUTES_FIELD).get(1) as Y.XmlElement;
	const run = new Y.XmlText();
	run.insert(0, text);
	paragraph.insert(0, [run]);
	return Y.encodeStateAsUpdate(doc, before);
}
