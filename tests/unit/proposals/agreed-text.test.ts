import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	agreedText,
	suggestionViolation,
	type SuggestionViolation
} from '../../../src/lib/editor/suggestions/agreed-text';
import { SECTION_FRAGMENT } from '../../../src/lib/proposals/editor-schema';
import { at, sectionDoc, sectionEditor, type Author } from '../../support/section-editor';

const anna: Author = { id: 'a1b2c3d4-0000-4000-8000-000000000001', name: 'Anna Rossi' };
const bruno: Author = { id: 'a1b2c3d4-0000-4000-8000-000000000002', name: 'Bruno Verdi' };

const view = (doc: Y.Doc) => agreedText(doc.getXmlFragment(SECTION_FRAGMENT));

/** Runs `act` on a copy of `doc` and judges the change as the server judges Anna's updates. */
function judge(doc: Y.Doc, act: (copy: Y.Doc) => void): SuggestionViolation | null {
	const copy = new Y.Doc();
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
	const before = view(copy);
	act(copy);
	return suggestionViolation(before, view(copy), anna.id);
}

const base = () => sectionDoc('Giovani inoccupati del territorio.', 'Adulti over 50.');

describe('agreed text: what a suggest-only partner may change', () => {
	it('lets suggestion mode insert, delete, split, join and reformat', () => {
		const doc = base();
		const cases: ((copy: Y.Doc) => void)[] = [
			(copy) => {
				const editor = sectionEditor(copy, anna);
				editor.change((tr) => at(tr, editor.after('inoccupati')).insertText(' e NEET'));
			},
			(copy) => {
				const editor = sectionEditor(copy, anna);
				editor.change((tr) => tr.delete(editor.before('del'), editor.after('del ')));
			},
			(copy) => {
				const editor = sectionEditor(copy, anna);
				editor.change((tr) => tr.split(editor.after('inoccupati')));
			},
			(copy) => {
				const editor = sectionEditor(copy, anna);
				// Backspace at the start of the second paragraph joins it to the first.
				editor.change((tr) => at(tr, editor.before('Adulti')).join(editor.before('Adulti') - 1));
			},
			(copy) => {
				const editor = sectionEditor(copy, anna);
				editor.change((tr) =>
					tr.addMark(
						editor.before('Giovani'),
						editor.after('Giovani'),
						tr.doc.type.schema.marks.bold.create()
					)
				);
			}
		];
		for (const act of cases) expect(judge(doc, act)).toBeNull();
	});

	it('sees what suggestion mode produced: the insertion is Anna’s, the agreed text intact', () => {
		const doc = base();
		const editor = sectionEditor(doc, anna);
		editor.change((tr) => at(tr, editor.after('inoccupati')).insertText(' e NEET'));
		expect(editor.text()).toContain('inoccupati e NEET');
		const seen = view(doc);
		expect([...seen.suggested.entries()]).toEqual([
			[`suggestion_insert\u0000${anna.id}`, ' e NEET']
		]);
		expect(seen.agreed).toBe(view(base()).agreed);
	});

	it('refuses direct edits: typed text, deleted text, a new heading', () => {
		const doc = base();
		expect(
			judge(doc, (copy) => {
				const editor = sectionEditor(copy);
				editor.change((tr) => at(tr, editor.after('inoccupati')).insertText(' e NEET'));
			})
		).toBe('agreed_text_changed');
		expect(
			judge(doc, (copy) => {
				const editor = sectionEditor(copy);
				editor.change((tr) => tr.delete(editor.before('del'), editor.after('del ')));
			})
		).toBe('agreed_text_changed');
		expect(
			judge(doc, (copy) => {
				const editor = sectionEditor(copy);
				const from = editor.before('Adulti');
				editor.change((tr) =>
					tr.setBlockType(from, from, tr.doc.type.schema.nodes.heading, { level: 2 })
				);
			})
		).toBe('agreed_text_changed');
	});

	it('refuses raw Yjs edits however they are encoded', () => {
		const doc = base();
		expect(
			judge(doc, (copy) => {
				const text = (copy.getXmlFragment(SECTION_FRAGMENT).get(0) as Y.XmlElement).get(
					0
				) as Y.XmlText;
				text.insert(0, 'Non ');
			})
		).toBe('agreed_text_changed');
		expect(
			judge(doc, (copy) => {
				const text = (copy.getXmlFragment(SECTION_FRAGMENT).get(1) as Y.XmlElement).get(
					0
				) as Y.XmlText;
				text.format(0, 6, { italic: {} });
			})
		).toBe('agreed_text_changed');
		expect(judge(doc, (copy) => copy.getXmlFragment(SECTION_FRAGMENT).delete(1, 1))).toBe(
			'agreed_text_changed'
		);
	});

	it('refuses a suggestion signed with someone else’s name, or with none', () => {
		const doc = base();
		expect(
			judge(doc, (copy) => {
				const editor = sectionEditor(copy, bruno);
				editor.change((tr) => at(tr, editor.after('inoccupati')).insertText(' e NEET'));
			})
		).toBe('foreign_suggestion');
		expect(
			judge(doc, (copy) => {
				const editor = sectionEditor(copy, { id: '', name: anna.name });
				editor.change((tr) => tr.delete(editor.before('del'), editor.after('del ')));
			})
		).toBe('foreign_suggestion');
	});

	it('lets Anna withdraw her own suggestion and drop Bruno’s, but not add to his', () => {
		const doc = base();
		const brunoEditor = sectionEditor(doc, bruno);
		brunoEditor.change((tr) => at(tr, brunoEditor.after('50')).insertText(' e disoccupati'));
		const annaEditor = sectionEditor(doc, anna);
		annaEditor.change((tr) => at(tr, annaEditor.after('territorio')).insertText(' ovest'));

		expect(
			judge(doc, (copy) => {
				const editor = sectionEditor(copy);
				editor.change((tr) => tr.delete(editor.before(' ovest'), editor.after(' ovest')));
			})
		).toBeNull();
		expect(
			judge(doc, (copy) => {
				const editor = sectionEditor(copy);
				editor.change((tr) =>
					tr.delete(editor.before(' e disoccupati'), editor.after(' e disoccupati'))
				);
			})
		).toBeNull();
		expect(
			judge(doc, (copy) => {
				// Typing inside Bruno's insertion: the new letters would carry his mark.
				const editor = sectionEditor(copy);
				editor.change((tr) => at(tr, editor.after(' e disocc')).insertText('xx'));
			})
		).toBe('foreign_suggestion');
	});
});
