import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoActor, openSeededDatabase, type FreshDatabase } from '../demo/fresh-database';
import { DEMO_PROJECT_ID } from '../../../src/lib/server/demo/ids';
import { DEMO_PROPOSAL_ID } from '../../../src/lib/server/demo/steps/proposals';
import { projectBudget } from '../../../src/lib/server/db/schema';
import { proposalDocument } from '../../../src/lib/server/proposals/export-document';
import { renderFile } from '../../../src/lib/server/export/formats';
import { budgetView } from '../../../src/lib/server/network/budget';
import type { Block } from '../../../src/lib/server/export/document-model';
import { formatCents } from '../../../src/lib/format/numbers';
import { testContext } from '../../support/context';
import { docxText, inOrder, pdfText } from '../../support/export-text';

/**
 * The budget split (001 §10e) in the proposal exports (issue 10): territories, partners and
 * areas as tables after the sections, once the public share is set; the same cents as the page.
 */

let fresh: FreshDatabase;
beforeAll(async () => {
	fresh = await openSeededDatabase();
}, 240_000); // migrations (and the demo) on a busy machine
afterAll(() => fresh.drop());

const TITLE = 'Ripartizione del budget tra territori, partner e aree';
const euro = (cents: number) => formatCents(cents, 'it-IT');

async function exported() {
	const actor = await demoActor(fresh.db, 'coordinator');
	return proposalDocument(testContext(fresh.db, actor), {
		proposalId: DEMO_PROPOSAL_ID,
		withComments: false
	});
}

const cellText = (block: Block, row: number, col: number) => {
	if (block.type !== 'table') throw new Error('not a table');
	const cell = block.rows[row].cells[col].blocks[0];
	return cell.type === 'paragraph'
		? cell.content.map((i) => (i.type === 'text' ? i.text : '')).join('')
		: '';
};

describe('the budget in the proposal exports', () => {
	it('is left out while the public share is not set', async () => {
		const document = await exported();
		expect(document.sections.some((s) => s.title === TITLE)).toBe(false);
	});

	it('closes the document with the territory, partner and area tables, to the cent', async () => {
		await fresh.db.insert(projectBudget).values({
			projectId: DEMO_PROJECT_ID,
			publicCents: 100_000_000,
			ageFrom: 13,
			ageTo: 28,
			referenceDate: '2019-01-01'
		});
		const view = await budgetView(fresh.db, DEMO_PROJECT_ID);
		const plan = view.plan!;
		const split = view.areaSplit!;
		expect(split.areas.length).toBeGreaterThan(0);
		expect(split.totalCents).toBe(plan.totals.publicCents - plan.unassignedCents);

		const document = await exported();
		// Last before the closing signature block (issue 14).
		const section = document.sections.at(-2)!;
		expect(section.title).toBe(TITLE);
		expect(document.sections.at(-1)!.title).toBe('Firme');
		const tables = section.blocks.filter((b) => b.type === 'table');
		expect(tables).toHaveLength(3);
		const [territories, partners, areas] = tables;
		// Territories: 001's three ambiti, by the 13–28 population (see tests/integration/network/budget).
		expect(cellText(territories, 1, 0)).toBe('Ambito Alto Milanese');
		expect(cellText(territories, 1, 2)).toBe(euro(46_953_703));
		expect(territories.type === 'table' && territories.rows[0].header).toBe(true);
		// Partners and areas end with the same public total.
		const last = (b: Block) => (b.type === 'table' ? b.rows.length - 1 : -1);
		expect(cellText(partners, last(partners), 2)).toBe(euro(split.totalCents));
		const areaCols = split.areas.length + 2;
		expect(cellText(areas, last(areas), areaCols)).toBe(euro(split.totalCents));
		for (const [i, a] of split.areas.entries()) {
			expect(cellText(areas, last(areas), i + 1)).toBe(euro(a.cents));
		}
		const sum = split.areas.reduce((s, a) => s + a.cents, 0) + split.noAreaCents;
		expect(sum).toBe(split.totalCents);
	});

	it('reaches the DOCX and the PDF as tables with the amounts', async () => {
		const document = await exported();
		const view = await budgetView(fresh.db, DEMO_PROJECT_ID);
		const needles = [
			TITLE,
			'Ambito Alto Milanese',
			euro(46_953_703),
			euro(view.areaSplit!.totalCents)
		];
		const docx = await renderFile('docx', document, 'proposta');
		expect(inOrder(docxText(docx.bytes), needles)).toBe(true);
		const pdf = await renderFile('pdf', document, 'proposta');
		expect(inOrder(await pdfText(pdf.bytes), needles)).toBe(true);
	});
});
