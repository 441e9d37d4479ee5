import { describe, expect, it } from 'vitest';
import { Node } from '@tiptap/pm/model';
import { sectionSchema } from '$lib/proposals/editor-schema';
import { listSuggestions } from '$lib/editor/suggestions/list';

const text = (value: string, mark?: string, username = 'Elena Brambilla') => ({
	type: 'text',
	text: value,
	...(mark ? { marks: [{ type: mark, attrs: { username, data: null } }] } : {})
});

describe('suggestions in a section', () => {
	it('are part of the shared section schema, so the server can store and restore them', () => {
		const doc = Node.fromJSON(sectionSchema(), {
			type: 'doc',
			content: [
				{ type: 'paragraph', content: [text('Testo '), text('nuovo', 'suggestion_insert')] }
			]
		});
		expect(() => doc.check()).not.toThrow();
		expect(doc.toJSON().content[0].content[1].marks[0].attrs.username).toBe('Elena Brambilla');
	});

	it('are listed one per run of the same kind and author, in document order', () => {
		const doc = Node.fromJSON(sectionSchema(), {
			type: 'doc',
			content: [
				{
					type: 'paragraph',
					content: [
						text('Giovani '),
						text('e adulti ', 'suggestion_insert'),
						text('disoccupati', 'suggestion_delete', 'Marco Colombo'),
						text(' del Rhodense')
					]
				}
			]
		});
		const found = listSuggestions(doc);
		expect(found.map(({ kind, author, text }) => ({ kind, author, text }))).toEqual([
			{ kind: 'insert', author: 'Elena Brambilla', text: 'e adulti ' },
			{ kind: 'delete', author: 'Marco Colombo', text: 'disoccupati' }
		]);
		expect(doc.textBetween(found[1].from, found[1].to)).toBe('disoccupati');
	});

	it('cannot be pasted in from HTML, so nobody signs a suggestion as someone else', () => {
		const rules = sectionSchema().marks.suggestion_insert.spec.parseDOM ?? [];
		expect(rules).toEqual([]);
	});
});
