import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	contentUpdate,
	replaceContentUpdate,
	sectionJson
} from '../../../src/lib/server/proposals/section-content';
import { countChars, plainText, type PmNode } from '../../../src/lib/proposals/section-text';

const paragraph = (text: string): PmNode => ({
	type: 'paragraph',
	content: [{ type: 'text', text }]
});
const doc = (...content: PmNode[]): PmNode => ({ type: 'doc', content });

describe('section content', () => {
	it('round-trips rich text with a table through a Yjs document', () => {
		const json = doc(
			{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Target' }] },
			paragraph('Giovani 13/28 anni'),
			{
				type: 'table',
				content: [
					{
						type: 'tableRow',
						content: [
							{ type: 'tableHeader', content: [paragraph('Ambito')] },
							{ type: 'tableHeader', content: [paragraph('Totale')] }
						]
					},
					{
						type: 'tableRow',
						content: [
							{ type: 'tableCell', content: [paragraph('Magenta')] },
							{ type: 'tableCell', content: [paragraph('19.424')] }
						]
					}
				]
			}
		);
		const ydoc = new Y.Doc();
		Y.applyUpdate(ydoc, contentUpdate(json));
		const back = sectionJson(ydoc);
		expect(plainText(back)).toBe('Target\nGiovani 13/28 anni\nAmbito\tTotale\nMagenta\t19.424');
		expect(countChars(back)).toBe('TargetGiovani 13/28 anniAmbitoTotaleMagenta19.424'.length);
	});

	it('replaces content as a diff that merges with concurrent edits', () => {
		const ydoc = new Y.Doc();
		Y.applyUpdate(ydoc, contentUpdate(doc(paragraph('uno'), paragraph('due'))));
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
		const update = replaceContentUpdate(ydoc, doc(paragraph('uno'), paragraph('tre')));
		Y.applyUpdate(other, update!);
		expect(plainText(sectionJson(other))).toBe('uno\ntre');
	});

	it('keeps a comment anchor on its words when other paragraphs are replaced', () => {
		const ydoc = new Y.Doc();
		Y.applyUpdate(ydoc, contentUpdate(doc(paragraph('primo'), paragraph('Giovani NEET'))));
		const text = (ydoc.getXmlFragment('default').get(1) as Y.XmlElement).get(0) as Y.XmlText;
		const anchor = Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, 8));
		replaceContentUpdate(
			ydoc,
			doc(paragraph('primo paragrafo riscritto'), paragraph('Giovani NEET'))
		);
		const resolved = Y.createAbsolutePositionFromRelativePosition(
			Y.decodeRelativePosition(anchor),
			ydoc
		);
		expect(resolved?.type).toBe(text);
		expect(text.toString().slice(resolved!.index)).toBe('NEET');
	});

	it('refuses content the editor schema does not know', () => {
		expect(() => contentUpdate(doc({ type: 'script', content: [] }))).toThrow(/invalid/);
	});

	it('refuses a section over one million characters', () => {
		expect(() => contentUpdate(doc(paragraph('x'.repeat(1_000_001))))).toThrow(
			/proposal_section_too_large/
		);
	});
});
