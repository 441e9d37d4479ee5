import { beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { startTestServer, type TestServer } from '../../support/server';
import { buildMember, signIn } from '../../support/factories';
import {
	contentUpdate,
	sectionDocumentName
} from '../../../src/lib/server/proposals/section-content';
import { liveDocuments } from '../../../src/lib/server/live/live';
import { buildProposalTable } from '../proposals/fixture';
import { inOrder, pdfText } from '../../support/export-text';

let server: TestServer;
let table: Awaited<ReturnType<typeof buildProposalTable>>;
let base: string;
let partnerCookie: string;

beforeAll(async () => {
	server = await startTestServer();
	table = await buildProposalTable(server.runtime);
	const live = liveDocuments(server.runtime);
	const text = {
		type: 'doc',
		content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Giovani NEET' }] }]
	};
	await live.write(sectionDocumentName(table.sections[0].id), contentUpdate(text));
	base = `${server.url}/projects/${table.project.id}/proposals/${table.proposal.id}/export`;
	partnerCookie = await signIn(table.db, table.partner.person.id);
});

const get = (url: string, cookie: string) => fetch(url, { headers: { cookie } });

describe('export endpoints', () => {
	it('downloads a DOCX at once with a plain GET', async () => {
		const response = await get(`${base}/docx`, partnerCookie);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('wordprocessingml');
		expect(response.headers.get('content-disposition')).toContain('Proposta-del-tavolo.docx');
		const xml = strFromU8(
			unzipSync(new Uint8Array(await response.arrayBuffer()))['word/document.xml']
		);
		expect(xml).toContain('Giovani NEET');
	});

	it('runs a long export as a job: progress, then the file', async () => {
		const started = await fetch(`${base}/pdf`, {
			method: 'POST',
			headers: { cookie: partnerCookie }
		});
		expect(started.status).toBe(202);
		const job = (await started.json()) as { id: string; statusUrl: string; downloadUrl: string };
		let status: { phase: string; done: number; total: number } = {
			phase: 'queued',
			done: 0,
			total: 0
		};
		while (status.phase !== 'done' && status.phase !== 'failed') {
			status = await (await get(`${server.url}${job.statusUrl}`, partnerCookie)).json();
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		// The ten sections and the closing signature block (issue 14).
		expect(status).toMatchObject({ phase: 'done', done: 11, total: 11 });
		const file = await get(`${server.url}${job.downloadUrl}`, partnerCookie);
		expect(file.headers.get('content-type')).toBe('application/pdf');
		// The job's file is the proposal: its title, every section title in order, the text.
		const text = await pdfText(new Uint8Array(await file.arrayBuffer()));
		expect(inOrder(text, [table.proposal.title, ...table.sections.map((s) => s.title)])).toBe(true);
		expect(inOrder(text, [table.sections[0].title, 'Giovani NEET'])).toBe(true);
		const other = await signIn(table.db, table.owner.person.id);
		expect((await get(`${server.url}${job.statusUrl}`, other)).status).toBe(404);
	});

	it('lets observers take a copy; refuses case operators, unknown formats and empty proposals', async () => {
		const observer = await signIn(table.db, table.observer.person.id);
		expect((await get(`${base}/odt`, observer)).status).toBe(200);
		const operator = await buildMember(table.db, {
			projectId: table.project.id,
			role: 'case_operator'
		});
		const operatorCookie = await signIn(table.db, operator.person.id);
		expect((await get(`${base}/odt`, operatorCookie)).status).toBe(403);
		const bad = await get(`${base}/rtf`, partnerCookie);
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as { message: string }).message).toContain('DOCX, ODT o PDF');
		const empty = await buildProposalTable(server.runtime);
		const cookie = await signIn(table.db, empty.coordinator.person.id);
		const response = await get(
			`${server.url}/projects/${empty.project.id}/proposals/${empty.proposal.id}/export/docx`,
			cookie
		);
		expect(response.status).toBe(400);
		expect(((await response.json()) as { code: string }).code).toBe('proposal_export_empty');
	});
});
