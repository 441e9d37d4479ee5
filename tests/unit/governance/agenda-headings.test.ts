import { describe, expect, it } from 'vitest';
import { Node } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { splitBlock } from '@tiptap/pm/commands';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { sectionSchema } from '$lib/proposals/editor-schema';
import { agendaHeadingsPlugin } from '$lib/governance/agenda-headings';

const heading = (text: string) => ({
	type: 'heading',
	attrs: { level: 2 },
	content: [{ type: 'text', text }]
});
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** Minutes as the server seeds them: "1. Avvio del progetto", a paragraph, "2. …". */
function minutes() {
	const doc = Node.fromJSON(sectionSchema(), {
		type: 'doc',
		content: [
			heading('1. Avvio del progetto'),
			paragraph('Si apre la discussione.'),
			heading('2. Calendario delle attività')
		]
	});
	return EditorState.create({ doc, plugins: [agendaHeadingsPlugin()] });
}

const apply = (state: EditorState, build: (tr: Transaction) => Transaction) =>
	state.applyTransaction(build(state.tr)).state;
const headingsOf = (state: EditorState) => {
	const out: string[] = [];
	state.doc.forEach((node) => {
		if (node.type.name === 'heading') out.push(`${node.attrs.level}:${node.textContent}`);
	});
	return out;
};
const SEEDED = ['2:1. Avvio del progetto', '2:2. Calendario delle attività'];
// Position inside the first heading's text ("1. Avvio|"), and at its end.
const END_OF_FIRST = 1 + '1. Avvio del progetto'.length;

describe('agenda headings in the live minutes', () => {
	it('refuse typing inside a heading', () => {
		const after = apply(minutes(), (tr) => tr.insertText(' (rinviato)', END_OF_FIRST));
		expect(headingsOf(after)).toEqual(SEEDED);
	});

	it('refuse splitting a heading in the middle, and keep Enter at its end', () => {
		const state = minutes();
		let split = state;
		splitBlock(
			state.apply(state.tr.setSelection(TextSelection.create(state.doc, 5))),
			(tr) => (split = split.applyTransaction(tr).state)
		);
		expect(headingsOf(split)).toEqual(SEEDED);

		let end = state.apply(state.tr.setSelection(TextSelection.create(state.doc, END_OF_FIRST)));
		splitBlock(end, (tr) => (end = end.applyTransaction(tr).state));
		expect(headingsOf(end)).toEqual(SEEDED);
		expect(end.doc.child(1).type.name).toBe('paragraph');
		expect(end.doc.childCount).toBe(state.doc.childCount + 1);
	});

	it('refuse restyling a heading or making a new one, and let paragraphs change', () => {
		const schema = sectionSchema();
		const restyled = apply(minutes(), (tr) => tr.setBlockType(1, 2, schema.nodes.paragraph));
		expect(headingsOf(restyled)).toEqual(SEEDED);
		const bold = apply(minutes(), (tr) => tr.addMark(1, 6, schema.marks.bold.create()));
		expect(bold.doc.child(0).firstChild?.marks).toEqual([]);
		const added = apply(minutes(), (tr) =>
			tr.setBlockType(END_OF_FIRST + 2, END_OF_FIRST + 3, schema.nodes.heading, { level: 2 })
		);
		expect(headingsOf(added)).toEqual(SEEDED);
		const written = apply(minutes(), (tr) =>
			tr.insertText(' Interviene il referente.', END_OF_FIRST + 25)
		);
		expect(written.doc.child(1).textContent).toContain('Interviene il referente.');
	});

	it('never judge a change that arrives from another person', () => {
		const after = apply(minutes(), (tr) =>
			tr.insertText(' (rinviato)', END_OF_FIRST).setMeta(ySyncPluginKey, { isChangeOrigin: true })
		);
		expect(headingsOf(after)[0]).toBe('2:1. Avvio del progetto (rinviato)');
	});
});
