import { beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import type { Runtime } from '../../../src/lib/server/runtime';
import * as templates from '../../../src/lib/server/proposals/templates';
import * as calls from '../../../src/lib/server/proposals/calls';
import * as proposals from '../../../src/lib/server/proposals/proposals';
import * as versions from '../../../src/lib/server/proposals/versions';
import { restore } from '../../../src/lib/server/proposals/version-restore';
import { proposalDocument } from '../../../src/lib/server/proposals/export-document';
import { renderFile } from '../../../src/lib/server/export/formats';
import { canvasView } from '../../../src/lib/server/proposals/canvas-view';
import { readContent } from '../../../src/lib/server/proposals/proposal-content';
import { readDocument } from '../../../src/lib/server/live/store';
import {
	actionsDocumentName,
	replaceContentUpdate,
	sectionDocumentName
} from '../../../src/lib/server/proposals/section-content';
import { replaceBlocksUpdate } from '../../../src/lib/server/proposals/action-blocks';
import { emptyActionBlock } from '../../../src/lib/proposals/action-block';
import { actionField } from '../../../src/lib/proposals/section-kinds';
import { plainText } from '../../../src/lib/proposals/section-text';
import { buildProposalTable, startProposalRuntime } from '../proposals/fixture';
import { docxText, inOrder, pdfText } from '../../support/export-text';

/**
 * Issue 14, ADR 0198: the call of 001 asks the ten-point schema for each action. A template
 * flags such sections `perAction`; the proposal holds one text per action in the section's
 * document, and the exports group them under each action, in the actions' order. Text from
 * /work/shared/seeds/001 ("Attività 1 … Attività 6" of its calendar; §8's modes and tools).
 */
const TEMPLATE = `
name: Schema in dieci punti per azione (prova)
pageChars: 3000
sections:
  - number: 1
    title: Destinatari
    perAction: each
  - number: 2
    title: Bisogni del target
    perAction: each-and-overall
  - number: 5
    title: Descrizione azioni e attività previste
    kind: actions
  - number: 9
    title: Output e risultati attesi
`;

let runtime: Runtime;
let table: Awaited<ReturnType<typeof buildProposalTable>>;
let proposalId = '';
let templateId = '';
let sectionIds: Record<string, string> = {};

async function write(sectionId: string, text: string, field?: string) {
	const name = sectionDocumentName(sectionId);
	const doc = await readDocument(table.db, name);
	const json = {
		type: 'doc',
		content: [{ type: 'paragraph', content: [{ type: 'text', text }] }]
	};
	const update = replaceContentUpdate(doc, json, field);
	doc.destroy();
	if (update) await table.live.write(name, update);
}

beforeAll(async () => {
	runtime = await startProposalRuntime();
	table = await buildProposalTable(runtime);
	const coordinator = table.ctx(table.coordinator);
	const imported = await templates.importDefinition(coordinator, {
		projectId: table.project.id,
		text: TEMPLATE
	});
	templateId = imported.id;
	const theCall = await calls.create(coordinator, table.project.id, {
		title: 'Avviso POR FSE inclusione attiva',
		subject: '',
		targets: '',
		aims: '',
		generalObjectives: '',
		specificObjectives: '',
		resources: '',
		deadline: '2020-07-31',
		templateId: imported.id
	});
	const created = await proposals.create(coordinator, {
		projectId: table.project.id,
		callId: theCall.id,
		title: 'Percorsi di inclusione attiva',
		owners: {}
	});
	proposalId = created.id;
	const content = await readContent(table.db, proposalId);
	sectionIds = Object.fromEntries(content.sections.map((s) => [s.number, s.id]));
	const name = actionsDocumentName(proposalId);
	const actions = await readDocument(table.db, name);
	await table.live.write(
		name,
		replaceBlocksUpdate(actions, [
			// Stored first, shown second: the blocks' order decides the export's.
			{ ...emptyActionBlock('x2'), title: 'Attività 2 Area formativa e orientativa', order: 1 },
			{ ...emptyActionBlock('x1'), title: 'Attività 1 Governance', order: 0 }
		])!
	);
	actions.destroy();
	await write(sectionIds['1'], 'Cabina di regia e gruppo di co-progettazione', actionField('x1'));
	await write(sectionIds['1'], 'Adolescenti e giovani in situazione di disagio', actionField('x2'));
	await write(sectionIds['2'], 'Bisogni comuni ai tre ambiti');
	await write(sectionIds['2'], 'Ruoli e responsabilità non definiti', actionField('x1'));
	await write(sectionIds['9'], 'Diminuzione della dispersione scolastica');
});

describe('sections filled once per action (ADR 0198)', () => {
	it('a template imports the flag; a heading or the actions cannot carry it', async () => {
		const view = await templates.get(table.ctx(table.observer), {
			projectId: table.project.id,
			templateId
		});
		expect(view.sections.map((s) => s.perAction)).toEqual(['each', 'each_and_overall', null, null]);
		await expect(
			templates.importDefinition(table.ctx(table.coordinator), {
				projectId: table.project.id,
				text: 'name: x\nsections:\n  - number: 1\n    title: Azioni\n    kind: actions\n    perAction: each\n'
			})
		).rejects.toThrow('proposal_template_invalid');
	});

	it('the canvas receives which sections repeat per action', async () => {
		const view = await canvasView(table.ctx(table.observer), proposalId);
		expect(view.sections.map((s) => [s.number, s.perAction])).toEqual([
			['1', 'each'],
			['2', 'each_and_overall'],
			['5', null],
			['9', null]
		]);
	});

	const EXPECTED = [
		// §1 has no overall text: the parts per action stand at its place; then §2's overall text.
		'Azione 1: Attività 1 Governance',
		'1',
		'Destinatari',
		'Cabina di regia e gruppo di co-progettazione',
		'Bisogni del target',
		'Ruoli e responsabilità non definiti',
		'Azione 2: Attività 2 Area formativa e orientativa',
		'Destinatari',
		'Adolescenti e giovani in situazione di disagio',
		'Bisogni del target',
		'Sezione non ancora scritta',
		'2. Bisogni del target',
		'Bisogni comuni ai tre ambiti',
		'Descrizione azioni e attività previste',
		'Output e risultati attesi',
		'Diminuzione della dispersione scolastica'
	];

	async function exportAs(format: 'docx' | 'odt' | 'pdf') {
		const document = await proposalDocument(table.ctx(table.coordinator), {
			proposalId,
			withComments: false
		});
		return { document, bytes: (await renderFile(format, document, 'x')).bytes };
	}

	it('DOCX, ODT and PDF carry each action’s texts under it, in the actions’ order', async () => {
		const { document, bytes } = await exportAs('docx');
		const levels = document.sections
			.filter((s) => s.title.startsWith('Azione') || ['Destinatari'].includes(s.title))
			.map((s) => [s.title.slice(0, 9), s.level]);
		expect(levels).toEqual([
			['Azione 1:', 1],
			['Destinata', 2],
			['Azione 2:', 1],
			['Destinata', 2]
		]);
		const docx = docxText(bytes);
		expect(inOrder(docx, EXPECTED)).toBe(true);
		const odt = strFromU8(unzipSync((await exportAs('odt')).bytes)['content.xml']).replace(
			/<[^>]+>/g,
			''
		);
		expect(inOrder(odt, EXPECTED)).toBe(true);
		const pdf = await pdfText((await exportAs('pdf')).bytes);
		expect(inOrder(pdf, EXPECTED)).toBe(true);
	});

	it('a version keeps each action’s text and restoring brings it back', async () => {
		const coordinator = table.ctx(table.coordinator);
		const kept = await versions.createNamed(coordinator, { proposalId, name: 'prima' });
		await write(sectionIds['1'], 'Testo cambiato', actionField('x1'));
		await restore(coordinator, { proposalId, versionId: kept.id });
		const content = await readContent(table.db, proposalId);
		const first = content.sections.find((s) => s.number === '1')!;
		expect(plainText(first.byAction.x1)).toBe('Cabina di regia e gruppo di co-progettazione');
	});
});
