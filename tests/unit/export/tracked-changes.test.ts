import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { blocksFromProseMirror } from '../../../src/lib/server/export/from-prosemirror';
import { renderDocx } from '../../../src/lib/server/export/docx';
import { renderOdt } from '../../../src/lib/server/export/odt';
import type { ExportDocument } from '../../../src/lib/server/export/document-model';
import { endsChange, hasChanges } from '../../../src/lib/server/export/document-model';

const suggestion = (kind: 'insert' | 'delete', username: string) => ({
	type: kind === 'insert' ? 'suggestion_insert' : 'suggestion_delete',
	attrs: { username, data: { authorId: 'x' } }
});

/** A paragraph with agreed text, a proposed insertion (partly bold) and a proposed deletion. */
const blocks = blocksFromProseMirror({
	type: 'doc',
	content: [
		{
			type: 'paragraph',
			content: [
				{ type: 'text', text: 'Testo concordato ' },
				{ type: 'text', text: 'aggiunta ', marks: [suggestion('insert', 'Marco Colombo')] },
				{
					type: 'text',
					text: 'in grassetto',
					marks: [suggestion('insert', 'Marco Colombo'), { type: 'bold' }]
				},
				{ type: 'text', text: ' da togliere', marks: [suggestion('delete', 'Chiara Longoni')] },
				{ type: 'text', text: '.' }
			]
		}
	]
});

const document: ExportDocument = {
	title: 'Proposta',
	language: 'it-IT',
	facts: [],
	sections: [{ number: '1', title: 'Destinatari', blocks }],
	labels: {
		contents: 'Indice',
		notes: 'Commenti',
		resolved: 'risolto',
		generatedOn: 'Generato il',
		changesLegend: 'Legenda'
	},
	generatedAt: new Date('2026-03-05T10:00:00Z')
};

describe('pending suggestions in exports', () => {
	it('keeps who proposed what in the neutral model, one run per author and kind', () => {
		const [paragraph] = blocks;
		expect(paragraph.type === 'paragraph' && paragraph.content).toEqual([
			{ type: 'text', text: 'Testo concordato ' },
			{ type: 'text', text: 'aggiunta ', change: { kind: 'insert', author: 'Marco Colombo' } },
			{
				type: 'text',
				text: 'in grassetto',
				bold: true,
				change: { kind: 'insert', author: 'Marco Colombo' }
			},
			{ type: 'text', text: ' da togliere', change: { kind: 'delete', author: 'Chiara Longoni' } },
			{ type: 'text', text: '.' }
		]);
		const content = paragraph.type === 'paragraph' ? paragraph.content : [];
		expect(content.map((_, i) => endsChange(content, i))).toEqual([
			false,
			false,
			true,
			true,
			false
		]);
		expect(hasChanges(blocks)).toBe(true);
		expect(hasChanges(blocksFromProseMirror({ type: 'doc', content: [] }))).toBe(false);
	});

	it('writes Word revisions: w:ins and w:del with the author, deleted text as w:delText', async () => {
		const xml = strFromU8(unzipSync(await renderDocx(document))['word/document.xml']);
		const insertions = [...xml.matchAll(/<w:ins ([^>]*)>(.*?)<\/w:ins>/g)];
		expect(insertions.map((m) => /w:author="([^"]*)"/.exec(m[1])?.[1])).toEqual([
			'Marco Colombo',
			'Marco Colombo'
		]);
		expect(insertions.map((m) => m[2].replace(/<[^>]+>/g, '')).join('')).toBe(
			'aggiunta in grassetto'
		);
		const deletion = /<w:del ([^>]*)>(.*?)<\/w:del>/.exec(xml);
		expect(deletion?.[1]).toContain('w:author="Chiara Longoni"');
		expect(deletion?.[2]).toMatch(/<w:delText[^>]*> da togliere<\/w:delText>/);
		// Revision ids are unique, as Word requires.
		const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
		expect(new Set(ids).size).toBe(3);
		// Agreed text stays an ordinary run.
		expect(xml).toMatch(
			/<w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:t xml:space="preserve">Testo concordato <\/w:t><\/w:r>/
		);
	});

	it('writes ODF tracked changes: a changed region per suggestion, with creator', () => {
		const xml = strFromU8(unzipSync(renderOdt(document))['content.xml']);
		const tracked = /<text:tracked-changes>(.*?)<\/text:tracked-changes>/.exec(xml)?.[1] ?? '';
		const regions = [
			...tracked.matchAll(
				/<text:changed-region [^>]*text:id="(ct\d+)"[^>]*>(.*?)<\/text:changed-region>/g
			)
		];
		expect(
			regions.map((r) => [
				/<text:(insertion|deletion)>/.exec(r[2])?.[1],
				/<dc:creator>(.*?)<\/dc:creator>/.exec(r[2])?.[1]
			])
		).toEqual([
			['insertion', 'Marco Colombo'],
			['deletion', 'Chiara Longoni']
		]);
		const [insert, remove] = regions.map((r) => r[1]);
		// The insertion stays in the text between its start and end; the deletion lives in the
		// region and leaves a marker where it was.
		expect(xml).toMatch(
			new RegExp(
				`<text:change-start text:change-id="${insert}"/>aggiunta <text:span [^>]*>in grassetto</text:span><text:change-end text:change-id="${insert}"/>`
			)
		);
		// (ODF keeps a leading space as <text:s/>.)
		expect(regions[1][2]).toContain('<text:p><text:s text:c="1"/>da togliere</text:p>');
		expect(xml).toContain(`<text:change text:change-id="${remove}"/>.`);
		const body = xml.slice(xml.indexOf('</text:tracked-changes>'));
		expect(body).not.toContain('da togliere');
	});
});
