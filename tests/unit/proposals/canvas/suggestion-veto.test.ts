import { describe, expect, it } from 'vitest';
import { Node } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { acceptAllSuggestions, suggestionModePlugin } from 'prosemirror-suggestion-mode';
import { agreedTextOfNode } from '$lib/editor/suggestions/agreed-text';
import { sectionSchema } from '$lib/proposals/editor-schema';
import { suggestionVeto } from '$lib/editor/suggestions/veto';

const anna = { id: 'anna-id', name: 'Anna Rossi' };
const mark = (type: string, author: { id: string; name: string }) => ({
	type,
	attrs: { username: author.name, data: { authorId: author.id } }
});

/** Anna's editor in suggestion mode, as SuggestionMode configures it, over a paragraph. */
function annaEditing(content: object[]) {
	const doc = Node.fromJSON(sectionSchema(), {
		type: 'doc',
		content: [{ type: 'paragraph', content }]
	});
	return EditorState.create({
		doc,
		plugins: [
			suggestionModePlugin({
				inSuggestionMode: true,
				username: anna.name,
				data: { authorId: anna.id },
				hoverMenuOptions: { disabled: true }
			}),
			suggestionVeto(anna.id)
		]
	});
}

const apply = (state: EditorState, build: (tr: Transaction) => Transaction) =>
	state.applyTransaction(build(state.tr)).state;
const at = (tr: Transaction, pos: number) => tr.setSelection(TextSelection.create(tr.doc, pos));

describe('the editor keeps what the server would refuse (ADR 0095)', () => {
	const bruno = { id: 'bruno-id', name: 'Bruno Verdi' };
	const start = () =>
		annaEditing([
			{ type: 'text', text: 'Giovani ' },
			{ type: 'text', text: 'e adulti ', marks: [mark('suggestion_insert', bruno)] },
			{ type: 'text', text: 'del territorio', marks: [mark('suggestion_delete', bruno)] }
		]);

	it('lets Anna’s own suggestions through', () => {
		const state = start();
		const after = apply(state, (tr) => at(tr, 1).insertText('I '));
		expect(after.doc.textContent).toBe('I Giovani e adulti del territorio');
		expect(agreedTextOfNode(after.doc).agreed).toBe(agreedTextOfNode(state.doc).agreed);
	});

	it('undoes typing inside Bruno’s proposal, which would carry his name', () => {
		const state = start();
		const inside = 1 + 'Giovani e '.length;
		const after = apply(state, (tr) => at(tr, inside).insertText('xx'));
		expect(after.doc.eq(state.doc)).toBe(true);
	});

	it('undoes deleting inside Bruno’s proposed deletion, which would delete agreed text', () => {
		const state = start();
		const inside = 1 + 'Giovani e adulti del'.length;
		const after = apply(state, (tr) => tr.delete(inside, inside + 3));
		expect(after.doc.eq(state.doc)).toBe(true);
	});

	it('leaves accepting and rejecting alone: the server decides who may (an officer may)', () => {
		const state = start();
		let accepted: Transaction | null = null;
		acceptAllSuggestions(state, (tr) => (accepted = tr));
		const after = state.applyTransaction(accepted!).state;
		expect(after.doc.textContent).toBe('Giovani e adulti ');
	});
});
