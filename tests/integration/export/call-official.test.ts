import { beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../../src/lib/server/runtime';
import * as calls from '../../../src/lib/server/proposals/calls';
import { callOfficialForm } from '../../../src/lib/proposals/call-official';
import { validate } from '../../../src/lib/server/http/validate';
import { proposalDocument } from '../../../src/lib/server/proposals/export-document';
import { renderFile } from '../../../src/lib/server/export/formats';
import {
	contentUpdate,
	sectionDocumentName
} from '../../../src/lib/server/proposals/section-content';
import { buildProposalTable, startProposalRuntime } from '../proposals/fixture';
import { docxText, inOrder, pdfText } from '../../support/export-text';
import { strFromU8, unzipSync } from 'fflate';

/**
 * Issue 14: the call's own fields (ente procedente, act, CUP, CIG) are the coordinator's to set,
 * checked at the door, and on the cover of every export format.
 */
let runtime: Runtime;
let table: Awaited<ReturnType<typeof buildProposalTable>>;

const OFFICIAL = {
	awardingBody: 'Regione Lombardia — DG Famiglia',
	actNumber: '1234',
	actDate: '2026-02-04',
	cup: 'e41b 23000120006',
	cig: '9876543abc'
};

beforeAll(async () => {
	runtime = await startProposalRuntime();
	table = await buildProposalTable(runtime);
	await table.live.write(
		sectionDocumentName(table.sections[0].id),
		contentUpdate({
			type: 'doc',
			content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Giovani NEET' }] }]
		})
	);
});

const where = () => ({ projectId: table.project.id, callId: table.call.id });

describe('the call’s own fields', () => {
	it('refuses a CUP that is not 15 letters or digits and a CIG that is not 10, in words', () => {
		let issues: Record<string, string[]> = {};
		try {
			validate(callOfficialForm, { ...OFFICIAL, cup: 'E41B2300012000', cig: '98765-43AB' });
		} catch (error) {
			issues = (error as { issues: Record<string, string[]> }).issues;
		}
		expect(issues.cup).toEqual([
			'Il CUP è di 15 caratteri, lettere e cifre (per esempio E41B23000120006).'
		]);
		expect(issues.cig).toEqual([
			'Il CIG è di 10 caratteri, lettere e cifre (per esempio 9876543ABC).'
		]);
	});

	it('lets only the coordinator set them; codes are stored without spaces, upper case', async () => {
		const input = validate(callOfficialForm, OFFICIAL);
		await expect(
			calls.updateOfficial(table.ctx(table.partner), { ...where(), ...input })
		).rejects.toThrow('forbidden');
		const saved = await calls.updateOfficial(table.ctx(table.coordinator), {
			...where(),
			...input
		});
		expect(saved).toMatchObject({
			awardingBody: 'Regione Lombardia — DG Famiglia',
			actNumber: '1234',
			actDate: '2026-02-04',
			cup: 'E41B23000120006',
			cig: '9876543ABC'
		});
		// The rest of the call is untouched.
		expect(saved.title).toBe('Avviso coprogettazione integrazione lavorativa');
	});

	const COVER = [
		'Proposta del tavolo',
		'Avviso coprogettazione integrazione lavorativa',
		'Ente procedente',
		'Regione Lombardia — DG Famiglia',
		'Atto di approvazione',
		'n. 1234 del 04/02/2026',
		'CUP',
		'E41B23000120006',
		'CIG',
		'9876543ABC',
		'1. Differenti tipologie di destinatari'
	];

	async function exportAs(format: 'docx' | 'odt' | 'pdf') {
		const document = await proposalDocument(table.ctx(table.partner), {
			proposalId: table.proposal.id,
			withComments: false
		});
		return (await renderFile(format, document, table.proposal.title)).bytes;
	}

	it('DOCX, ODT and PDF carry them on the cover, before the first section', async () => {
		expect(inOrder(docxText(await exportAs('docx')), COVER)).toBe(true);
		const odt = strFromU8(unzipSync(await exportAs('odt'))['content.xml']).replace(/<[^>]+>/g, '');
		expect(inOrder(odt, COVER)).toBe(true);
		expect(inOrder(await pdfText(await exportAs('pdf')), COVER)).toBe(true);
	});

	it('a cleared field leaves the cover', async () => {
		const input = validate(callOfficialForm, { ...OFFICIAL, cig: '' });
		const saved = await calls.updateOfficial(table.ctx(table.coordinator), {
			...where(),
			...input
		});
		expect(saved.cig).toBeNull();
		expect(docxText(await exportAs('docx'))).not.toContain('9876543ABC');
	});
});
