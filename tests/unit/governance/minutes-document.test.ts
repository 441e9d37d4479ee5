import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	approvalRecord,
	buildMinutesDoc,
	minutesBlocks,
	pendingSuggestions,
	renderMinutesText
} from '../../../src/lib/server/governance/minutes-document';

describe('minutes document', () => {
	it('is structured by agenda item and reads back as blocks and text', () => {
		const doc = buildMinutesDoc(['Avvio', 'Varie'], [['Si approva il calendario.'], []]);
		expect(minutesBlocks(doc)).toEqual([
			{ kind: 'heading', text: '1. Avvio' },
			{ kind: 'paragraph', text: 'Si approva il calendario.' },
			{ kind: 'heading', text: '2. Varie' }
		]);
		expect(renderMinutesText(minutesBlocks(doc))).toBe(
			'1. Avvio\n\nSi approva il calendario.\n\n2. Varie'
		);
	});

	it('counts the suggestions still waiting in the text, and none once they are resolved', () => {
		const doc = buildMinutesDoc(['Avvio'], [['Si approva il calendario.']]);
		expect(pendingSuggestions(doc)).toBe(0);
		const paragraph = doc.getXmlFragment('default').get(1) as Y.XmlElement;
		const text = paragraph.get(0) as Y.XmlText;
		const author = { username: 'Marta Bruni', data: { authorId: 'x' } };
		text.format(12, 12, { suggestion_delete: author });
		text.insert(25, ' di massima', { suggestion_insert: author });
		expect(pendingSuggestions(doc)).toBe(2);
		text.format(12, 12, { suggestion_delete: null });
		text.format(25, 11, { suggestion_insert: null });
		expect(pendingSuggestions(doc)).toBe(0);
		// y-prosemirror's name for a mark type that allows several marks of itself on one run.
		text.format(0, 2, { 'suggestion_delete--Ab12Cd34': author });
		expect(pendingSuggestions(doc)).toBe(1);
	});

	it('hashes the readable text, so the same words give the same hash', () => {
		const a = approvalRecord(buildMinutesDoc(['Avvio'], [['Uno.']]));
		const b = approvalRecord(buildMinutesDoc(['Avvio'], [['Uno.']]));
		const c = approvalRecord(buildMinutesDoc(['Avvio'], [['Due.']]));
		expect(a.sha256).toBe(b.sha256);
		expect(a.sha256).not.toBe(c.sha256);
		expect(a.text).toBe('1. Avvio\n\nUno.');
	});
});
