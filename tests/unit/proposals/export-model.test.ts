import { describe, expect, it } from 'vitest';
import { blocksFromProseMirror } from '../../../src/lib/server/export/from-prosemirror';
import { tableGrid, leadingHeaderRows } from '../../../src/lib/server/export/table-grid';
import { odfText } from '../../../src/lib/server/export/odt-xml';
import type { TableRow } from '../../../src/lib/server/export/document-model';

const cell = (text: string, extra: Partial<TableRow['cells'][number]> = {}) => ({
	header: false,
	colspan: 1,
	rowspan: 1,
	blocks: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }],
	...extra
});

describe('ProseMirror → export blocks', () => {
	it('keeps marks and safe links, drops script links, pushes headings below the section title', () => {
		const blocks = blocksFromProseMirror({
			type: 'doc',
			content: [
				{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Target' }] },
				{
					type: 'paragraph',
					content: [
						{
							type: 'text',
							text: 'sito',
							marks: [{ type: 'link', attrs: { href: 'https://example.org' } }]
						},
						{
							type: 'text',
							text: ' x',
							marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }, { type: 'bold' }]
						}
					]
				},
				{ type: 'mysteryNode', content: [{ type: 'text', text: 'non perso' }] }
			]
		});
		expect(blocks[0]).toMatchObject({ type: 'heading', level: 3 });
		expect(blocks[1]).toEqual({
			type: 'paragraph',
			content: [
				{ type: 'text', text: 'sito', link: 'https://example.org' },
				{ type: 'text', text: ' x', bold: true }
			]
		});
		expect(blocks[2]).toEqual({
			type: 'paragraph',
			content: [{ type: 'text', text: 'non perso' }]
		});
	});

	it('marks a row of header cells as a header row', () => {
		const [table] = blocksFromProseMirror({
			type: 'doc',
			content: [
				{
					type: 'table',
					content: [
						{ type: 'tableRow', content: [{ type: 'tableHeader', content: [] }] },
						{ type: 'tableRow', content: [{ type: 'tableCell', content: [] }] }
					]
				}
			]
		});
		expect(table.type === 'table' && table.rows.map((r) => r.header)).toEqual([true, false]);
	});
});

describe('table grid', () => {
	it('places covered slots under row spans and right of column spans', () => {
		const rows: TableRow[] = [
			{
				header: true,
				cells: [cell('A', { header: true, rowspan: 2 }), cell('B', { header: true, colspan: 2 })]
			},
			{ header: false, cells: [cell('C'), cell('D')] },
			{ header: false, cells: [cell('E'), cell('F'), cell('G')] }
		];
		const { slots, width } = tableGrid(rows);
		expect(width).toBe(3);
		expect(
			slots.map((row) =>
				row.map((s) =>
					s.kind === 'cell'
						? s.cell.blocks.length &&
							(s.cell.blocks[0] as { content: { text: string }[] }).content[0].text
						: '·'
				)
			)
		).toEqual([
			['A', 'B', '·'],
			['·', 'C', 'D'],
			['E', 'F', 'G']
		]);
		expect(leadingHeaderRows(rows)).toBe(1);
	});
});

describe('ODF text', () => {
	it('escapes markup, keeps runs of spaces, tabs and line breaks', () => {
		expect(odfText('<b>&"')).toBe('&lt;b&gt;&amp;&quot;');
		expect(odfText('a   b\tc\nd')).toBe('a <text:s text:c="2"/>b<text:tab/>c<text:line-break/>d');
		expect(odfText(' x\u0001')).toBe('<text:s text:c="1"/>x');
	});
});
