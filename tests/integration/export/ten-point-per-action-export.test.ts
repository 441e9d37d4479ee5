import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import type { Runtime } from '../../../src/lib/server/runtime';
import * as templates from '../../../src/lib/server/proposals/templates';
import * as calls from '../../../src/lib/server/proposals/calls';
import * as proposals from '../../../src/lib/server/proposals/proposals';
import { overview } from '../../../src/lib/server/proposals/overview';
import { proposalDocument } from '../../../src/lib/server/proposals/export-document';
import { findSections } from '../../../src/lib/server/proposals/section-lookup';
import { renderFile } from '../../../src/lib/server/export/formats';
import { readDocument } from '../../../src/lib/server/live/store';
import { replaceBlocksUpdate } from '../../../src/lib/server/proposals/action-blocks';
import {
	actionsDocumentName,
	replaceContentUpdate,
	sectionDocumentName
} from '../../../src/lib/server/proposals/section-content';
import { emptyActionBlock } from '../../../src/lib/proposals/action-block';
import { actionField } from '../../../src/lib/proposals/section-kinds';
import { layoutChars, type PmNode } from '../../../src/lib/proposals/section-text';
import { buildProposalTable, startProposalRuntime } from '../proposals/fixture';
import { docxText, inOrder, pdfText } from '../../support/export-text';
import { PER_ACTION_BLOCKS, PER_ACTION_TEXTS, SOURCE } from '../../fixtures/scheda-progetto-001';

/**
 * Issue 14, "done means", per action: the call of 001 asks the ten-point schema for each
 * action. The shipped ten-point template, imported with every point but the actions flagged
 * `perAction: each`, filled for two of 001's activities with 001's own text (seed 001), and
 * read back from DOCX, ODT and PDF: each action a part, each point under it, numbered and
 * nested, with that action's text — lists included.
 */
const tenPoint = JSON.parse(
	readFileSync('src/lib/server/proposals/templates/ten-point.json', 'utf8')
) as { name: string; sections: { number: string; title: string; kind?: string }[] };
const POINTS = tenPoint.sections.filter((s) => s.kind !== 'actions');

let runtime: Runtime;
let table: Awaited<ReturnType<typeof buildProposalTable>>;
let proposalId = '';

const paragraph = (text: string): PmNode => ({
	type: 'paragraph',
	content: [{ type: 'text', text }]
});
function pointText([first, ...rest]: string[]): PmNode {
	const content = [paragraph(first)];
	if (rest.length > 0) {
		content.push({
			type: 'bulletList',
			content: rest.map((item) => ({ type: 'listItem', content: [paragraph(item)] }))
		});
	}
	return { type: 'doc', content };
}

beforeAll(async () => {
	runtime = await startProposalRuntime();
	table = await buildProposalTable(runtime);
	const ctx = table.ctx(table.coordinator);
	const definition = {
		name: `${tenPoint.name} – per azione`,
		sections: tenPoint.sections.map(({ number, title, kind }) =>
			kind === 'actions' ? { number, title, kind } : { number, title, perAction: 'each' }
		)
	};
	const imported = await templates.importDefinition(ctx, {
		projectId: table.project.id,
		text: JSON.stringify(definition)
	});
	const theCall = await calls.create(ctx, table.project.id, {
		title: 'Avviso pubblico per la definizione di modelli di percorsi di inclusione attiva',
		subject: 'POR FSE 2014-2020 / Opportunità e inclusione',
		targets: '',
		aims: '',
		generalObjectives: '',
		specificObjectives: '',
		resources: '',
		templateId: imported.id
	});
	const created = await proposals.create(ctx, {
		projectId: table.project.id,
		callId: theCall.id,
		title: 'WORK IN PROGRESS – Percorsi di inclusione in costruzione'
	});
	proposalId = created.id;
	const actions = await readDocument(table.db, actionsDocumentName(proposalId));
	await table.live.write(
		actionsDocumentName(proposalId),
		replaceBlocksUpdate(
			actions,
			PER_ACTION_BLOCKS.map((block, order) => ({ ...emptyActionBlock(block.id), ...block, order }))
		)!
	);
	actions.destroy();
	for (const section of await findSections(table.db, { proposalId })) {
		for (const block of PER_ACTION_BLOCKS) {
			const paragraphs = PER_ACTION_TEXTS[block.id][section.number];
			if (!paragraphs) continue;
			const name = sectionDocumentName(section.id);
			const doc = await readDocument(table.db, name);
			const update = replaceContentUpdate(doc, pointText(paragraphs), actionField(block.id));
			doc.destroy();
			if (update) await table.live.write(name, update);
		}
	}
	// A fresh database, the shared templates and eighteen texts: slow on a loaded machine.
}, 240_000);

/** What a reader meets, in order: each action, then each point with that action's text. */
const EXPECTED = PER_ACTION_BLOCKS.flatMap((block, index) => [
	`Azione ${index + 1}: ${block.title}`,
	...POINTS.flatMap((point) => [
		`${point.number}. ${point.title}`,
		...(PER_ACTION_TEXTS[block.id][point.number] ?? ['Sezione non ancora scritta.'])
	])
]);

async function exportAs(format: 'docx' | 'odt' | 'pdf') {
	const document = await proposalDocument(table.ctx(table.partner), {
		proposalId,
		withComments: false
	});
	return { document, bytes: (await renderFile(format, document, 'per-azione')).bytes };
}

const ENTITIES: Record<string, string> = { apos: "'", quot: '"', amp: '&', lt: '<', gt: '>' };
const textOf = (xml: string) =>
	xml
		.replace(/<[^>]+>/g, '')
		.replace(/&(apos|quot|amp|lt|gt);/g, (_, name: string) => ENTITIES[name]);

describe(`the ten-point schema filled per action with the text of ${SOURCE}, exported`, () => {
	it('measures each action’s text as the export lays it out (lists with their markers)', async () => {
		const view = await overview(table.ctx(table.observer), proposalId);
		const point4 = view.sections.find((s) => s.number === '4')!;
		for (const block of PER_ACTION_BLOCKS) {
			const [first, ...items] = PER_ACTION_TEXTS[block.id]['4'];
			const expected = first.length + items.reduce((sum, item) => sum + 2 + item.length, 0);
			expect(point4.actionChars[block.id]).toBe(expected);
			expect(layoutChars(pointText(PER_ACTION_TEXTS[block.id]['4']))).toBe(expected);
		}
	});

	it('DOCX: each action a Heading1 part, each point a Heading2 under it, the texts in order', async () => {
		const { document, bytes } = await exportAs('docx');
		const parts = document.sections.filter((s) => s.title.startsWith('Azione '));
		expect(parts.map((s) => [s.title, s.level])).toEqual(
			PER_ACTION_BLOCKS.map((b, i) => [`Azione ${i + 1}: ${b.title}`, 1])
		);
		const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
		const headings = [
			...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading(\d)"\/>(.*?)<\/w:p>/g)
		].map((match) => [textOf(match[2]), Number(match[1])]);
		// The numbered points; the appendices after them ("Azioni", "Cronoprogramma") are level 2 too.
		const perAction = headings.filter(
			([title, level]) => level === 2 && /^\d+\. /.test(String(title))
		);
		expect(perAction).toEqual(
			PER_ACTION_BLOCKS.flatMap(() => POINTS.map((p) => [`${p.number}. ${p.title}`, 2]))
		);
		expect(inOrder(textOf(docxText(bytes)), EXPECTED)).toBe(true);
	});

	it('ODT: the same parts at outline levels 1 and 2, the texts in order', async () => {
		const xml = strFromU8(unzipSync((await exportAs('odt')).bytes)['content.xml']);
		const levels = [...xml.matchAll(/<text:h [^>]*text:outline-level="(\d)">(.*?)<\/text:h>/g)]
			.map((match) => [textOf(match[2]), Number(match[1])])
			.filter(([title]) => String(title).startsWith('Azione '));
		expect(levels).toEqual(PER_ACTION_BLOCKS.map((b, i) => [`Azione ${i + 1}: ${b.title}`, 1]));
		expect(inOrder(textOf(xml), EXPECTED)).toBe(true);
	});

	it('PDF: the texts in order, as a reader gets them', async () => {
		const text = await pdfText((await exportAs('pdf')).bytes);
		expect(inOrder(text, EXPECTED)).toBe(true);
	});
});
