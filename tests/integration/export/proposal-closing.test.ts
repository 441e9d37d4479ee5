import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import type { Runtime } from '../../../src/lib/server/runtime';
import { organisation, partnership, partnershipAgreement } from '../../../src/lib/server/db/schema';
import { proposalDocument } from '../../../src/lib/server/proposals/export-document';
import { renderFile } from '../../../src/lib/server/export/formats';
import {
	contentUpdate,
	sectionDocumentName
} from '../../../src/lib/server/proposals/section-content';
import { buildProposalTable, startProposalRuntime } from '../proposals/fixture';
import { docxText, inOrder, pdfText } from '../../support/export-text';

/**
 * Issue 14: what makes the exported proposal one a public body accepts as filed — a cover with
 * the call, the proposal and the lead; the partner list with roles and codes; a running header
 * and "Pagina N di M"; the closing block with place, date and a signature line per partner, the
 * lead (capofila) first. Read back from DOCX, ODT and PDF.
 */
let runtime: Runtime;
let table: Awaited<ReturnType<typeof buildProposalTable>>;

const LEAD = 'Consorzio Sociale Il Castello';
const OPERATOR = 'Afol Metropolitana';
const INSTITUTION = 'Comune di Legnano';

beforeAll(async () => {
	runtime = await startProposalRuntime();
	table = await buildProposalTable(runtime);
	const { db } = table;
	// Names chosen so that alphabetical order differs from the role order (lead first).
	const organisations = [
		{ id: table.partner.organisationId, name: LEAD, role: 'lead' as const },
		{ id: table.owner.organisationId, name: OPERATOR, role: 'operating_partner' as const },
		{
			id: table.coordinator.organisationId,
			name: INSTITUTION,
			role: 'institutional_partner' as const
		}
	];
	for (const [index, o] of organisations.entries()) {
		await db
			.update(organisation)
			.set({
				name: o.name,
				taxCode: index === 0 ? '97123450153' : null,
				vatNumber: index === 1 ? '12345678903' : null
			})
			.where(eq(organisation.id, o.id));
		await db
			.insert(partnership)
			.values({ projectId: table.project.id, organisationId: o.id, role: o.role });
	}
	await db.insert(partnershipAgreement).values({
		projectId: table.project.id,
		form: 'ats',
		act: 'Atto costitutivo rep. 1234',
		signedOn: '2026-03-05',
		mandateOrganisationId: table.partner.organisationId
	});
	await table.live.write(
		sectionDocumentName(table.sections[0].id),
		contentUpdate({
			type: 'doc',
			content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Giovani NEET' }] }]
		})
	);
});

async function exportAs(format: 'docx' | 'odt' | 'pdf') {
	const document = await proposalDocument(table.ctx(table.partner), {
		proposalId: table.proposal.id,
		withComments: false
	});
	return (await renderFile(format, document, table.proposal.title)).bytes;
}

const COVER = [
	'Proposta del tavolo',
	'Avviso coprogettazione integrazione lavorativa',
	`Capofila: ${LEAD}`,
	'Generato il'
];
const PARTNERS = [
	'Partenariato',
	LEAD,
	'Capofila',
	'C.F. 97123450153',
	INSTITUTION,
	'Partner istituzionale',
	OPERATOR,
	'Partner operativo',
	'P. IVA 12345678903',
	'Forma del partenariato',
	'ATS',
	'Atto costitutivo rep. 1234',
	'05/03/2026'
];
const SIGNATURES = [
	'Firme',
	'Luogo e data:',
	LEAD,
	'Capofila',
	'Il legale rappresentante',
	INSTITUTION,
	'Il legale rappresentante',
	OPERATOR,
	'Partner operativo',
	'Il legale rappresentante'
];
const ALL = [...COVER, ...PARTNERS, '1. Differenti tipologie di destinatari', ...SIGNATURES];

describe('proposal export: cover, partners, page furniture, signatures', () => {
	it('DOCX: header and PAGE / NUMPAGES footer, cover, partner list and signatures in order', async () => {
		const files = unzipSync(await exportAs('docx'));
		const header = Object.keys(files).find((name) => /^word\/header\d*\.xml$/.test(name));
		const footer = Object.keys(files).find((name) => /^word\/footer\d*\.xml$/.test(name));
		expect(header && footer).toBeTruthy();
		const headerXml = strFromU8(files[header!]);
		expect(headerXml).toContain('Proposta del tavolo — Avviso coprogettazione');
		const footerXml = strFromU8(files[footer!]);
		expect(footerXml).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
		expect(footerXml).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
		expect(footerXml).toContain('Pagina ');
		expect(footerXml).toContain(' di ');
		const documentXml = strFromU8(files['word/document.xml']);
		expect(documentXml).toContain('<w:headerReference');
		expect(documentXml).toContain('<w:footerReference');
		expect(inOrder(docxText(await exportAs('docx')), ALL)).toBe(true);
	});

	it('ODT: master page with header, page-number and page-count fields; the same text in order', async () => {
		const files = unzipSync(await exportAs('odt'));
		const styles = strFromU8(files['styles.xml']);
		expect(styles).toMatch(
			/<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"><style:header><text:p text:style-name="Header">Proposta del tavolo — Avviso coprogettazione/
		);
		expect(styles).toMatch(
			/<style:footer><text:p text:style-name="Footer">Pagina <text:page-number text:select-page="current">1<\/text:page-number> di <text:page-count>1<\/text:page-count><\/text:p><\/style:footer>/
		);
		const content = strFromU8(files['content.xml']).replace(/<text:line-break\/>/g, ' ');
		expect(inOrder(content.replace(/<[^>]+>/g, ''), ALL)).toBe(true);
	});

	it('PDF: running header and "Pagina N di M" on every page; the same text in order', async () => {
		const text = await pdfText(await exportAs('pdf'));
		const pages = text.split('\n').filter((page) => page.trim() !== '');
		expect(pages.length).toBeGreaterThanOrEqual(2);
		for (const [index, page] of pages.entries()) {
			expect(page).toContain('Proposta del tavolo — Avviso coprogettazione');
			expect(page).toContain(`Pagina ${index + 1} di ${pages.length}`);
		}
		expect(inOrder(text, ALL)).toBe(true);
	});
});
