import { beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Runtime } from '../../../src/lib/server/runtime';
import * as calls from '../../../src/lib/server/proposals/calls';
import * as proposals from '../../../src/lib/server/proposals/proposals';
import { proposalDocument } from '../../../src/lib/server/proposals/export-document';
import { findSections } from '../../../src/lib/server/proposals/section-lookup';
import { renderFile } from '../../../src/lib/server/export/formats';
import {
	contentUpdate,
	sectionDocumentName
} from '../../../src/lib/server/proposals/section-content';
import type { PmNode } from '../../../src/lib/proposals/section-text';
import { buildProposalTable, startProposalRuntime } from '../proposals/fixture';
import { PARAGRAPHS, POPULATION_TABLE } from '../../fixtures/scheda-progetto-001';

/**
 * The POR FSE scheda progetto of seed 001, filled with its own text, exported in the three
 * formats and read back: the call's nesting (10 over 10.a–10.e) as heading levels, the
 * title-only §10 without a "not written" note, the tables as written.
 */
let runtime: Runtime;
let table: Awaited<ReturnType<typeof buildProposalTable>>;
let proposalId: string;

/** Heading of every section as the exports print it, with its level. */
const HEADINGS: [string, number][] = [
	['1. Titolo del progetto', 1],
	['2. Durata', 1],
	['3. Analisi del contesto territoriale', 1],
	['4. Obiettivi del progetto e risultati attesi', 1],
	['5. Target di destinatari', 1],
	['6. Attività che si intendono realizzare', 1],
	['7. Calendario delle attività', 1],
	['8. Modalità e strumenti', 1],
	['9. Strategia di comunicazione e diffusione', 1],
	['10. Modello di governance', 1],
	['10.a. Identificazione dei soggetti coinvolti nel partenariato di progetto', 2],
	['10.b. Identificazione degli eventuali soggetti coinvolti nella rete di progetto', 2],
	['10.c. Regia della partnership', 2],
	['10.d. Personale – Cariche sociali', 2],
	['10.e. Ripartizione delle risorse', 2],
	['11. Monitoraggio e valutazione dei risultati', 1]
];
/** The export closes with the signature block (issue 14), a section of its own. */
const EXPORTED: [string, number][] = [...HEADINGS, ['Firme', 1]];
const CARICHE = [
	'Nome e cognome',
	'Partner',
	'Carica sociale ricoperta',
	'Ruolo nel progetto',
	'Delibera del Consiglio Direttivo'
];

const paragraph = (text: string): PmNode => ({
	type: 'paragraph',
	content: [{ type: 'text', text }]
});
const row = (cells: string[], type: string): PmNode => ({
	type: 'tableRow',
	content: cells.map((text) => ({
		type,
		content: [text ? paragraph(text) : { type: 'paragraph' }]
	}))
});

function sectionText(number: string): PmNode {
	const [first, ...rest] = PARAGRAPHS[number];
	const content: PmNode[] = [paragraph(first)];
	if (number === '8') {
		content.push({
			type: 'bulletList',
			content: rest.map((item) => ({ type: 'listItem', content: [paragraph(item)] }))
		});
	} else {
		content.push(...rest.map(paragraph));
	}
	if (number === '5') {
		const [header, ...body] = POPULATION_TABLE;
		content.push({
			type: 'table',
			content: [row(header, 'tableHeader'), ...body.map((cells) => row(cells, 'tableCell'))]
		});
	}
	return { type: 'doc', content };
}

beforeAll(async () => {
	runtime = await startProposalRuntime();
	table = await buildProposalTable(runtime);
	const ctx = table.ctx(table.coordinator);
	const theCall = await calls.create(ctx, table.project.id, {
		title: 'Avviso pubblico per la definizione di modelli di percorsi di inclusione attiva',
		subject: 'POR FSE 2014-2020 / Opportunità e inclusione',
		targets: '',
		aims: '',
		generalObjectives: '',
		specificObjectives: '',
		resources: '',
		templateId: table.templateIds['scheda-progetto']
	});
	const created = await proposals.create(ctx, {
		projectId: table.project.id,
		callId: theCall.id,
		title: 'WORK IN PROGRESS – Percorsi di inclusione in costruzione'
	});
	proposalId = created.id;
	for (const section of await findSections(table.db, { proposalId })) {
		if (!PARAGRAPHS[section.number]) continue;
		await table.live.write(
			sectionDocumentName(section.id),
			contentUpdate(sectionText(section.number))
		);
	}
});

async function exportAs(format: 'docx' | 'odt' | 'pdf') {
	const document = await proposalDocument(table.ctx(table.partner), {
		proposalId,
		withComments: false
	});
	return renderFile(format, document, 'scheda');
}

const ENTITIES: Record<string, string> = { apos: "'", quot: '"', amp: '&', lt: '<', gt: '>' };
/** The text of XML, tags dropped and the five entities read back. */
const textOf = (xml: string) =>
	xml
		.replace(/<[^>]+>/g, '')
		.replace(/&(apos|quot|amp|lt|gt);/g, (_, name: string) => ENTITIES[name]);

/** The text between two headings, as the reader meets it. */
function between(text: string, from: string, to: string): string {
	const start = text.indexOf(from);
	return text.slice(start + from.length, text.indexOf(to, start));
}

describe('the scheda progetto of seed 001, exported', () => {
	it('creates the nested sections and opens §10.d with the call’s columns', async () => {
		const sections = await findSections(table.db, { proposalId });
		expect(sections.map((s) => s.number)).toEqual(HEADINGS.map(([h]) => h.split('. ')[0]));
		const byNumber = new Map(sections.map((s) => [s.number, s]));
		expect(byNumber.get('10')).toMatchObject({ kind: 'heading', limitChars: null });
		expect(byNumber.get('10.a')).toMatchObject({ limitChars: 3000, limitLabel: 'max 1 pag.' });
		expect(byNumber.get('1')).toMatchObject({ limitChars: null, limitLabel: null });
		expect(byNumber.get('2')).toMatchObject({ limitChars: null, limitLabel: null });
		expect(byNumber.get('10.d')).toMatchObject({ kind: 'table', columns: CARICHE });
	});

	it('DOCX: every section in order at its level, §10 a bare heading, tables intact', async () => {
		const xml = strFromU8(unzipSync((await exportAs('docx')).bytes)['word/document.xml']);
		const headings = [
			...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading(\d)"\/>(.*?)<\/w:p>/g)
		].map((match) => [textOf(match[2]), Number(match[1])]);
		expect(headings).toEqual(EXPORTED);
		const text = textOf(xml);
		expect(between(text, '10. Modello di governance', '10.a.')).toBe('');
		expect(text).toContain(PARAGRAPHS['10.c'][1]);
		expect(text).toContain(POPULATION_TABLE.map((cells) => cells.join('')).join(''));
		expect(text).toContain(CARICHE.join(''));
		expect(xml.match(/<w:tblHeader\/>/g)?.length).toBeGreaterThanOrEqual(2);
	});

	it('ODT: outline levels follow the numbering and tables keep their header rows', async () => {
		const xml = strFromU8(unzipSync((await exportAs('odt')).bytes)['content.xml']);
		const headings = [
			...xml.matchAll(/<text:h [^>]*text:outline-level="(\d)">(.*?)<\/text:h>/g)
		].map((match) => [textOf(match[2]), Number(match[1])]);
		expect(headings).toEqual(EXPORTED);
		const text = textOf(xml);
		expect(between(text, '10. Modello di governance', '10.a.')).toBe('');
		expect(text).toContain(POPULATION_TABLE.map((cells) => cells.join('')).join(''));
		expect(xml.match(/<table:table-header-rows>/g)?.length).toBeGreaterThanOrEqual(2);
	});

	it('PDF: bookmarks nest 10.a–10.e under 10, headings tagged H1/H2, text in order', async () => {
		const pdf = await getDocument({ data: (await exportAs('pdf')).bytes, useSystemFonts: false })
			.promise;
		const outline = await pdf.getOutline();
		const top = EXPORTED.filter(([, level]) => level === 1).map(([h]) => h);
		expect(outline.map((item) => item.title)).toEqual(top);
		const governance = outline.find((item) => item.title.startsWith('10. '));
		expect(governance?.items.map((item) => item.title)).toEqual(
			HEADINGS.filter(([, level]) => level === 2).map(([h]) => h)
		);
		let text = '';
		const roles: string[] = [];
		const walk = (node: { role?: string; children?: unknown[] } | null) => {
			if (!node?.role) return;
			roles.push(node.role);
			for (const child of node.children ?? []) walk(child as typeof node);
		};
		for (let n = 1; n <= pdf.numPages; n++) {
			const page = await pdf.getPage(n);
			text += (await page.getTextContent()).items
				.map((item) => ('str' in item ? item.str : ''))
				.join('');
			walk((await page.getStructTree()) as Parameters<typeof walk>[0]);
		}
		expect(roles.filter((role) => role === 'H2').length).toBeGreaterThanOrEqual(5);
		const flat = text.replace(/\s+/g, '');
		let from = 0;
		for (const [heading] of HEADINGS) {
			const at = flat.indexOf(heading.replace(/\s+/g, ''), from);
			expect(at, heading).toBeGreaterThan(-1);
			from = at;
		}
		expect(flat).toContain('Ambito Abbiategrasso6.4746.01212.48618%'.replace(/\s+/g, ''));
	});
});
