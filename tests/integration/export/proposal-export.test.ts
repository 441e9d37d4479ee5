import { beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Runtime } from '../../../src/lib/server/runtime';
import { proposalDocument } from '../../../src/lib/server/proposals/export-document';
import { renderFile } from '../../../src/lib/server/export/formats';
import {
	contentUpdate,
	sectionDocumentName
} from '../../../src/lib/server/proposals/section-content';
import * as comments from '../../../src/lib/server/proposals/comments';
import type { PmNode } from '../../../src/lib/proposals/section-text';
import { anchorInText, buildProposalTable, startProposalRuntime } from '../proposals/fixture';

let runtime: Runtime;
let table: Awaited<ReturnType<typeof buildProposalTable>>;

const TITLES = [
	'Differenti tipologie di destinatari',
	'Bisogni del target rilevati sul territorio',
	'Obiettivi generali',
	'Obiettivi specifici',
	'Descrizione azioni e attività previste',
	'Tempi di realizzazione',
	'Risorse umane coinvolte',
	'Altri soggetti della rete coinvolgibili',
	'Output e risultati attesi',
	'Strumenti di raccolta dati, monitoraggio e valutazione'
];

const paragraph = (text: string, marks?: PmNode['marks']): PmNode => ({
	type: 'paragraph',
	content: [{ type: 'text', text, marks }]
});
const cell = (type: string, text: string): PmNode => ({ type, content: [paragraph(text)] });
const populationTable: PmNode = {
	type: 'table',
	content: [
		{ type: 'tableRow', content: [cell('tableHeader', 'Ambito'), cell('tableHeader', 'Totale')] },
		{
			type: 'tableRow',
			content: [cell('tableCell', 'Ambito Magenta'), cell('tableCell', '19.424')]
		}
	]
};

beforeAll(async () => {
	runtime = await startProposalRuntime();
	table = await buildProposalTable(runtime);
	for (const [index, section] of table.sections.entries()) {
		const content: PmNode[] = [
			paragraph(`Testo della sezione ${index + 1}: ${'parole '.repeat(40)}`)
		];
		if (index === 0) {
			content.push(
				{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Target 1' }] },
				{
					type: 'bulletList',
					content: [{ type: 'listItem', content: [paragraph('Giovani inoccupati')] }]
				},
				paragraph('grassetto', [{ type: 'bold' }]),
				populationTable
			);
		}
		if (index === 1) {
			// Pending suggestions of two partners, stored as the canvas stores them.
			const by = (type: string, username: string) => [
				{ type, attrs: { username, data: { authorId: 'someone' } } }
			];
			content.push({
				type: 'paragraph',
				content: [
					{ type: 'text', text: 'Servono ' },
					{ type: 'text', text: 'più tirocini', marks: by('suggestion_insert', 'Marco Colombo') },
					{ type: 'text', text: ' e corsi', marks: by('suggestion_delete', 'Chiara Longoni') }
				]
			});
		}
		await table.live.write(
			sectionDocumentName(section.id),
			contentUpdate({ type: 'doc', content })
		);
	}
	await comments.create(table.ctx(table.partner), {
		sectionId: table.sections[0].id,
		anchorFrom: anchorInText(),
		anchorTo: anchorInText('Giovani', 4),
		quotedText: 'Giovani',
		body: 'Aggiungiamo i NEET?'
	});
});

async function exportAs(format: 'docx' | 'odt' | 'pdf', withComments = false) {
	const document = await proposalDocument(table.ctx(table.partner), {
		proposalId: table.proposal.id,
		withComments
	});
	return renderFile(format, document, table.proposal.title);
}

function inOrder(text: string, needles: string[]): boolean {
	let from = 0;
	for (const needle of needles) {
		const at = text.indexOf(needle, from);
		if (at === -1) return false;
		from = at + needle.length;
	}
	return true;
}

describe('proposal export', () => {
	it('writes a DOCX with the ten titles as headings, in order, each followed by its text', async () => {
		const file = await exportAs('docx', true);
		expect(file.filename).toBe('Proposta-del-tavolo.docx');
		const xml = strFromU8(unzipSync(file.bytes)['word/document.xml']);
		const text = xml.replace(/<[^>]+>/g, '');
		const expected = TITLES.flatMap((title, i) => [
			`${i + 1}. ${title}`,
			`Testo della sezione ${i + 1}`
		]);
		expect(inOrder(text, expected)).toBe(true);
		// The ten sections and the closing signature block (issue 14).
		expect(xml.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(11);
		expect(xml).toContain('<w:tblHeader/>');
		expect(text).toContain('Aggiungiamo i NEET?');
		expect(text).toContain('Ambito Magenta');
		// Pending suggestions are Word revisions signed by their author, not plain text.
		expect(xml).toMatch(
			/<w:ins w:id="\d+" w:author="Marco Colombo"><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:t xml:space="preserve">più tirocini<\/w:t><\/w:r><\/w:ins>/
		);
		expect(xml).toMatch(
			/<w:del w:id="\d+" w:author="Chiara Longoni"><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:delText xml:space="preserve"> e corsi<\/w:delText><\/w:r><\/w:del>/
		);
	});

	it('writes an ODT whose content.xml has the titles as outline headings and a header row', async () => {
		const file = await exportAs('odt');
		const files = unzipSync(file.bytes);
		expect(strFromU8(files.mimetype)).toBe('application/vnd.oasis.opendocument.text');
		const xml = strFromU8(files['content.xml']);
		const headings = [...xml.matchAll(/<text:h [^>]*text:outline-level="1">([^<]*)<\/text:h>/g)];
		expect(headings.map((h) => h[1])).toEqual([...TITLES.map((t, i) => `${i + 1}. ${t}`), 'Firme']);
		expect(xml).toContain('<table:table-header-rows>');
		expect(xml).not.toContain('Aggiungiamo i NEET?');
		expect(xml).toMatch(
			/<text:changed-region [^>]*><text:insertion><office:change-info><dc:creator>Marco Colombo<\/dc:creator>/
		);
		expect(xml).toMatch(
			/<text:changed-region [^>]*><text:deletion><office:change-info><dc:creator>Chiara Longoni<\/dc:creator>.*?e corsi<\/text:p><\/text:deletion>/
		);
	});

	it('writes a tagged PDF: structure tree, language, title, bookmarks, named suggestions', async () => {
		const file = await exportAs('pdf');
		const pdf = await getDocument({ data: file.bytes, useSystemFonts: false }).promise;
		expect(pdf.numPages).toBeGreaterThanOrEqual(2);
		expect(pdf.numPages).toBeLessThanOrEqual(8);
		let text = '';
		const roles: string[] = [];
		const walk = (node: { role?: string; children?: unknown[] } | null) => {
			if (!node?.role) return;
			roles.push(node.role);
			for (const child of node.children ?? []) walk(child as typeof node);
		};
		for (let n = 1; n <= pdf.numPages; n++) {
			const page = await pdf.getPage(n);
			const content = await page.getTextContent();
			text += content.items.map((item) => ('str' in item ? item.str : '')).join('') + '\n';
			walk((await page.getStructTree()) as Parameters<typeof walk>[0]);
		}
		const normalised = text.replace(/\s+/g, ' ');
		const titles = TITLES.map((t, i) => `${i + 1}. ${t}`);
		expect(inOrder(normalised, titles)).toBe(true);
		// Tagged: marked, with a structure tree holding what the content is.
		expect((await pdf.getMarkInfo())?.Marked).toBe(true);
		for (const role of ['Document', 'Sect', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table']) {
			expect(roles).toContain(role);
		}
		// The title and one heading per section (a heading never straddles two pages).
		// ... and the closing signature block (issue 14).
		expect(roles.filter((role) => role === 'H1')).toHaveLength(12);
		expect(roles.filter((role) => role === 'TH').length).toBeGreaterThanOrEqual(2);
		expect(roles.filter((role) => role === 'TD').length).toBeGreaterThanOrEqual(2);
		const { info } = (await pdf.getMetadata()) as unknown as {
			info: { Title: string; Language: string };
		};
		expect(info).toMatchObject({ Title: 'Proposta del tavolo', Language: 'it-IT' });
		expect((await pdf.getOutline()).map((item) => item.title)).toEqual([...titles, 'Firme']);
		// Suggestions are named, and the legend says how to read them.
		expect(normalised).toContain('più tirocini [+ Marco Colombo]');
		expect(normalised).toContain('e corsi [− Chiara Longoni]');
		expect(normalised).toContain('modifiche proposte');
	});

	it('refuses to export for a non-member and an empty proposal with a clear reason', async () => {
		const { buildProposalTable: build } = await import('../proposals/fixture');
		const empty = await build(runtime);
		await expect(
			proposalDocument(empty.ctx(empty.coordinator), {
				proposalId: empty.proposal.id,
				withComments: false
			})
		).rejects.toThrow('proposal_export_empty');
		await expect(
			proposalDocument(empty.ctx(table.partner), {
				proposalId: empty.proposal.id,
				withComments: false
			})
		).rejects.toThrow('project_not_found');
	});
});
