import { beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../../src/lib/server/runtime';
import { overview } from '../../../src/lib/server/proposals/overview';
import { proposalDocument } from '../../../src/lib/server/proposals/export-document';
import { renderFile } from '../../../src/lib/server/export/formats';
import { readDocument } from '../../../src/lib/server/live/store';
import {
	replaceContentUpdate,
	sectionDocumentName
} from '../../../src/lib/server/proposals/section-content';
import { countChars, layoutChars, type PmNode } from '../../../src/lib/proposals/section-text';
import { buildProposalTable, startProposalRuntime } from '../proposals/fixture';
import { pdfText, squeezed } from '../../support/export-text';

/**
 * ADR 0199: a page limit counts the characters the export lays out — list markers included —
 * not the editor's raw text. A known text (001's words: §3's 50 comuni, §6's areas, the
 * governance dimensions, §5's target table) between two sentinels, counted by hand.
 */
const p = (text: string): PmNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const item = (text: string): PmNode => ({ type: 'listItem', content: [p(text)] });
const cell = (type: string, text: string): PmNode => ({
	type,
	attrs: { colspan: 1, rowspan: 1, colwidth: null },
	content: [p(text)]
});
const KNOWN: PmNode[] = [
	p('Il progetto coinvolge 50 comuni.'), // 32
	{ type: 'bulletList', content: [item('Area educativa'), item('Area esperienziale')] }, // 2+14, 2+18
	{ type: 'orderedList', content: [item('Governance'), item('Sistema')] }, // 3+10, 3+7
	{
		type: 'table',
		content: [
			{
				type: 'tableRow',
				content: [cell('tableHeader', 'Target'), cell('tableHeader', 'Destinatari')]
			},
			{ type: 'tableRow', content: [cell('tableCell', 'Giovani 13/28'), cell('tableCell', '125')] }
		]
	} // 6 + 11 + 13 + 3
];
const known: PmNode = { type: 'doc', content: KNOWN };
const sentinelled: PmNode = { type: 'doc', content: [p('INIZIO'), ...KNOWN, p('FINE')] };

let runtime: Runtime;
let table: Awaited<ReturnType<typeof buildProposalTable>>;
beforeAll(async () => {
	runtime = await startProposalRuntime();
	table = await buildProposalTable(runtime);
	const name = sectionDocumentName(table.sections[0].id);
	const doc = await readDocument(table.db, name);
	await table.live.write(name, replaceContentUpdate(doc, sentinelled)!);
	doc.destroy();
});

describe('page limits count what the export lays out (ADR 0199)', () => {
	it('counts list markers and every table cell; the raw editor text has no markers', () => {
		expect(layoutChars(known)).toBe(32 + 16 + 20 + 13 + 10 + 33);
		expect(countChars(known)).toBe(32 + 14 + 18 + 10 + 7 + 33);
	});

	it('the canvas overview counts the section so, against its page limit', async () => {
		const view = await overview(table.ctx(table.observer), table.proposal.id);
		expect(view.sections[0].chars).toBe(6 + 124 + 4);
	});

	it('the PDF prints exactly those characters (spaces aside) between the sentinels', async () => {
		const document = await proposalDocument(table.ctx(table.coordinator), {
			proposalId: table.proposal.id,
			withComments: false
		});
		const pdf = squeezed(await pdfText((await renderFile('pdf', document, 'x')).bytes));
		const between = pdf.slice(pdf.indexOf('INIZIO') + 6, pdf.indexOf('FINE'));
		// 124 laid-out characters, of which 11 are spaces: 4 in the sentence, 4 in the bullets'
		// markers and items, 2 after the numbers, 1 in "Giovani 13/28".
		expect(between.length).toBe(124 - 11);
	});
});
