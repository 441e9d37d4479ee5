import { beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import type { Runtime } from '../../../src/lib/server/runtime';
import { eq } from 'drizzle-orm';
import {
	district,
	organisation,
	projectDistrict,
	projectVocabulary
} from '../../../src/lib/server/db/schema';
import { proposalDocument } from '../../../src/lib/server/proposals/export-document';
import { renderFile } from '../../../src/lib/server/export/formats';
import { canvasView } from '../../../src/lib/server/proposals/canvas-view';
import { readDocument } from '../../../src/lib/server/live/store';
import { actionsDocumentName } from '../../../src/lib/server/proposals/section-content';
import { replaceBlocksUpdate } from '../../../src/lib/server/proposals/action-blocks';
import { emptyActionBlock } from '../../../src/lib/proposals/action-block';
import { buildProposalTable, startProposalRuntime } from '../proposals/fixture';
import { docxText, inOrder, pdfText } from '../../support/export-text';

/**
 * Issue 14: an action's budget lines summed per action in the exports, its area named from the
 * project's own list (governance is not one of 001's four), its territories chosen whole from
 * the register — "Alto Milanese (Legnano, Castano Primo)" stays one — and blocks in their order.
 */
let runtime: Runtime;
let leadName = '';
let otherName = '';
let table: Awaited<ReturnType<typeof buildProposalTable>>;
const ALTO = `Alto Milanese (Legnano, Castano Primo) ${crypto.randomUUID().slice(0, 6)}`;

beforeAll(async () => {
	runtime = await startProposalRuntime();
	table = await buildProposalTable(runtime);
	const { db } = table;
	const projectId = table.project.id;
	const [alto] = await db.insert(district).values({ name: ALTO }).returning();
	await db.insert(projectDistrict).values({ projectId, districtId: alto.id });
	await db.insert(projectVocabulary).values([
		{ projectId, list: 'area', key: 'educativa', label: 'Area educativa', position: 0 },
		{ projectId, list: 'area', key: 'governance', label: 'Governance del progetto', position: 1 },
		{ projectId, list: 'target', key: 'giovani', label: 'Ragazzi e giovani', position: 0 }
	]);
	const names = async (id: string) =>
		(await db.select().from(organisation).where(eq(organisation.id, id)))[0].name;
	leadName = await names(table.owner.organisationId);
	otherName = await names(table.partner.organisationId);
	const name = actionsDocumentName(table.proposal.id);
	const current = await readDocument(db, name);
	const lead = table.owner.organisationId;
	const other = table.partner.organisationId;
	await table.live.write(
		name,
		replaceBlocksUpdate(current, [
			// Stored second, shown first: the order key, not the array index, decides.
			{
				...emptyActionBlock('b'),
				title: 'Cabina di regia',
				area: 'governance',
				order: 1,
				budget: [{ organisationId: lead, publicCents: 500_000, ownCents: 0 }]
			},
			{
				...emptyActionBlock('a'),
				title: 'Orientamento',
				area: 'educativa',
				order: 0,
				targets: ['Ragazzi e giovani'],
				territories: [ALTO],
				hours: 120,
				quantity: 40,
				quantityUnit: 'colloqui',
				budget: [
					{ organisationId: lead, publicCents: 1_250_050, ownCents: 100_000 },
					{ organisationId: other, publicCents: 300_000, ownCents: 50_000 }
				]
			}
		])!
	);
	current.destroy();
});

async function exportAs(format: 'docx' | 'odt' | 'pdf') {
	const document = await proposalDocument(table.ctx(table.partner), {
		proposalId: table.proposal.id,
		withComments: false
	});
	return (await renderFile(format, document, table.proposal.title)).bytes;
}

describe('action blocks: register lists, areas, order and budget per action', () => {
	it('the canvas opens with the project’s areas, targets and territories', async () => {
		const view = await canvasView(table.ctx(table.observer), table.proposal.id);
		expect(view.register.areas.map((a) => a.label)).toEqual([
			'Area educativa',
			'Governance del progetto'
		]);
		expect(view.register.targets.map((t) => t.label)).toEqual(['Ragazzi e giovani']);
		expect(view.register.territories.map((t) => t.label)).toEqual([ALTO]);
	});

	const ACTIONS = [
		'Orientamento',
		'Area educativa',
		'Ragazzi e giovani',
		ALTO,
		'Cabina di regia',
		'Governance del progetto'
	];
	// The action's hours and quantity on its total row, with the total divided by them:
	// 17.000,50 € / 120 h = 141,67 €; / 40 colloqui = 425,01 €.
	const byAction = () => [
		'Budget per azione',
		'Ore',
		'Quantità',
		'Costo orario',
		'Costo unitario',
		'Contributo pubblico',
		'Cofinanziamento',
		'Orientamento',
		leadName,
		'12.500,50',
		'1.000,00',
		'13.500,50',
		'Orientamento',
		otherName,
		'3.000,00',
		'500,00',
		'3.500,00',
		'Totale azione',
		'120',
		'40 colloqui',
		'141,67',
		'425,01',
		'15.500,50',
		'1.500,00',
		'17.000,50',
		'Cabina di regia',
		'5.000,00',
		'Totale azione',
		'5.000,00',
		'Totale',
		'120',
		'20.500,50',
		'1.500,00',
		'22.000,50',
		// Per partner across the actions: the lead's 12.500,50 + 5.000,00 public, 1.000,00 own.
		'Budget per partner',
		'Quota di cofinanziamento',
		leadName,
		'17.500,50',
		'1.000,00',
		'18.500,50',
		'5,4',
		otherName,
		'3.000,00',
		'500,00',
		'3.500,00',
		'14,3',
		'Totale',
		'20.500,50',
		'1.500,00',
		'22.000,50',
		'6,8',
		'Cronoprogramma'
	];

	it('DOCX, ODT and PDF: actions in order, areas by the project’s names, budget per action and per partner with hours, quantities and unit costs', async () => {
		const docx = docxText(await exportAs('docx'));
		expect(inOrder(docx, ACTIONS)).toBe(true);
		expect(inOrder(docx, byAction())).toBe(true);
		const odt = strFromU8(unzipSync(await exportAs('odt'))['content.xml']).replace(/<[^>]+>/g, '');
		expect(inOrder(odt, ACTIONS)).toBe(true);
		expect(inOrder(odt, byAction())).toBe(true);
		const pdf = await pdfText(await exportAs('pdf'));
		expect(inOrder(pdf, ACTIONS)).toBe(true);
		expect(inOrder(pdf, byAction())).toBe(true);
	});
});
