import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/lib/server/context';
import { startTestRuntime } from '../../support/runtime';
import { testContext } from '../../support/context';
import * as records from '../../../src/lib/server/cases/records';
import * as events from '../../../src/lib/server/cases/events';
import { docxText, pdfText, squeezed } from '../../support/export-text';
import { buildMember, buildOrganisation, buildProject } from '../../support/factories';

/** The monitoring report through its route, in each format, read back. */
const { db } = await startTestRuntime();

const project = await buildProject(db, {
	title: 'Lavoro e inclusione Alto Milanese',
	startsOn: '2025-01-01',
	endsOn: '2027-12-31'
});
const projectId = project.id;
const elsewhere = await buildProject(db);
const ctx = (member: { actor: Ctx['actor'] }): Ctx => testContext(db, member.actor);
const operator = await buildMember(db, { projectId, role: 'case_operator' });
const coordinator = await buildMember(db, { projectId, role: 'coordinator' });
const observer = await buildMember(db, { projectId, role: 'observer' });
const outsider = await buildMember(db, { projectId: elsewhere.id, role: 'observer' });
const employer = await buildOrganisation(db, { kind: 'impresa_profit' });

const NAMES = ['Giulia Verdi', 'Marco Neri', 'Sara Bianchi', 'Luca Rossi'];
for (const [i, fullName] of NAMES.entries()) {
	const created = await records.create(ctx(operator), projectId, {
		fullName,
		fiscalCode: null,
		phone: null,
		email: null,
		referredOn: '2025-01-10',
		note: ''
	});
	await events.add(ctx(operator), projectId, created.id, {
		kind: 'intake',
		occurredOn: '2025-02-03',
		note: '',
		status: 'intake',
		details: { level: 'first' }
	});
	if (i < 3) {
		await events.add(ctx(operator), projectId, created.id, {
			kind: 'hire',
			occurredOn: '2025-10-01',
			note: `Assunta da Rossi srl`,
			status: 'employed',
			details: {
				employerOrganisationId: employer.id,
				sector: 'profit',
				contract: i === 0 ? 'permanent' : 'fixed_term',
				startOn: '2025-10-01'
			}
		});
	}
}

const { GET } =
	await import('../../../src/routes/(app)/projects/[projectId=uuid]/monitoring/report/[format=monitoring_report_format]/+server');
const get = (who: { actor: Ctx['actor'] }, format: string, target = projectId) =>
	GET({
		locals: { ctx: ctx(who) },
		params: { projectId: target, format },
		url: new URL(`http://localhost/projects/${target}/monitoring/report/${format}?period=year`)
	} as unknown as Parameters<typeof GET>[0]);

const csvRows = async (response: Response) =>
	Papa.parse<Record<string, string>>((await response.text()).replace(/^\uFEFF/, ''), {
		header: true,
		delimiter: ';',
		skipEmptyLines: true
	}).data;

describe('the monitoring report', () => {
	it('as CSV: one figure per row, every table, read back', async () => {
		const response = await get(coordinator, 'csv');
		expect(response.status).toBe(200);
		const rows = await csvRows(response);
		const figure = (table: string, row: string, column: string) =>
			rows.find((r) => r.tabella === table && r.riga === row && r.colonna === column)?.valore;
		expect(figure('totali', 'Persone prese in carico', 'Realizzato')).toBe('4');
		expect(figure('totali', 'Persone assunte', 'Realizzato')).toBe('3');
		expect(figure('andamento', '2025', 'Persone assunte')).toBe('3');
		expect(figure('assunzioni_per_contratto', 'Tempo determinato', 'Persone')).toBe('2');
		expect(figure('assunzioni_per_contratto', 'Tempo indeterminato', 'Persone')).toBe('1');
		expect(figure('fse_allegato_1', 'Numero totale di partecipanti', 'Totale')).toBe('4');
		expect(new Set(rows.map((r) => r.tabella))).toEqual(
			new Set([
				'totali',
				'andamento',
				'per_ente',
				'assunzioni_per_tipo_datore',
				'assunzioni_per_contratto',
				'fse_allegato_1'
			])
		);
	});

	it('withholds for the observer what the dashboard withholds', async () => {
		const rows = await csvRows(await get(observer, 'csv'));
		const contract = rows.filter((r) => r.tabella === 'assunzioni_per_contratto');
		expect(contract.map((r) => r.valore)).toEqual(['< 3', '< 3']);
	});

	it('as DOCX: the tables in the document text, no identity', async () => {
		const response = await get(observer, 'docx');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-disposition')).toContain(
			'rapporto-monitoraggio-year.docx'
		);
		const text = squeezed(docxText(new Uint8Array(await response.arrayBuffer())));
		for (const expected of [
			'Rapporto di monitoraggio',
			'Lavoro e inclusione Alto Milanese',
			'Persone prese in carico',
			'Assunzioni per tipo di contratto',
			'Numero totale di partecipanti'
		]) {
			expect(text).toContain(squeezed(expected));
		}
		for (const name of [...NAMES, 'Rossi srl']) expect(text).not.toContain(squeezed(name));
	});

	it('as PDF: a document whose text holds the tables', async () => {
		const response = await get(coordinator, 'pdf');
		expect(response.status).toBe(200);
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
		const text = squeezed(await pdfText(bytes));
		for (const expected of ['Rapporto di monitoraggio', 'Persone assunte', 'Tempo determinato']) {
			expect(text).toContain(squeezed(expected));
		}
	});

	it('is kept from people outside the project', async () => {
		const response = await get(outsider, 'csv');
		expect(response.status).toBe(404);
		expect(await response.text()).not.toContain('Persone');
	});
});
