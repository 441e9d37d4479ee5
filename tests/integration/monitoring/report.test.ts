import Papa from 'papaparse';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/lib/server/context';
import { startTestRuntime } from '../../support/runtime';
import { testContext } from '../../support/context';
import * as records from '../../../src/lib/server/cases/records';
import * as events from '../../../src/lib/server/cases/events';
import { docxText, pdfText, squeezed } from '../../support/export-text';
import { buildMember, buildOrganisation, buildPerson, buildProject } from '../../support/factories';
import {
	body,
	decision,
	goodPractice,
	lab,
	labSession,
	meeting,
	monitoringTarget
} from '../../../src/lib/server/db/schema';

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

// The registers the report quotes: decisions of the cabina (one only proposed, left out) and a
// good practice of a lab.
const [cabina] = await db
	.insert(body)
	.values({ projectId, kind: 'steering_committee', name: 'Cabina di regia' })
	.returning();
const [sitting] = await db
	.insert(meeting)
	.values({
		projectId,
		bodyId: cabina.id,
		title: 'Seconda seduta della cabina',
		startsAt: new Date('2025-03-12T09:00:00Z'),
		endsAt: new Date('2025-03-12T11:00:00Z')
	})
	.returning();
await db.insert(decision).values([
	{
		projectId,
		bodyId: cabina.id,
		meetingId: sitting.id,
		text: 'Avviare i tirocini nel Magentino',
		status: 'approved'
	},
	{ projectId, bodyId: cabina.id, text: 'Aprire uno sportello a Castano', status: 'proposed' }
]);
const facilitator = await buildPerson(db);
const [workshop] = await db
	.insert(lab)
	.values({ projectId, title: 'Laboratorio giovani', facilitatorId: facilitator.id })
	.returning();
const [session] = await db
	.insert(labSession)
	.values({
		labId: workshop.id,
		title: 'Rilettura dei casi',
		startsAt: new Date('2025-04-02T12:00:00Z'),
		endsAt: new Date('2025-04-02T14:00:00Z')
	})
	.returning();
await db.insert(goodPractice).values({
	projectId,
	labId: workshop.id,
	sessionId: session.id,
	title: 'Il colloquio a tre',
	whatWorked: 'Operatore, tutor e azienda allo stesso tavolo'
});
await db.insert(monitoringTarget).values({ projectId, indicator: 'people_in_charge', target: 8 });

const { GET } =
	await import('../../../src/routes/(app)/projects/[projectId=uuid]/monitoring/report/[format=monitoring_report_format]/+server');
const get = (who: { actor: Ctx['actor'] }, format: string, target = projectId, query = '') =>
	GET({
		locals: { ctx: ctx(who) },
		params: { projectId: target, format },
		url: new URL(
			`http://localhost/projects/${target}/monitoring/report/${format}?period=year${query}`
		)
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
		expect(figure('grafico_persone_raggiunte', '2025', 'Raggiunte finora')).toBe('4');
		expect(figure('grafico_persone_raggiunte', '2025', 'Obiettivo')).toBe('8');
		expect(figure('decisioni', '2025-03-12', 'Decisione')).toBe('Avviare i tirocini nel Magentino');
		expect(figure('decisioni', '2025-03-12', 'Riunione')).toBe('Seconda seduta della cabina');
		expect(figure('buone_pratiche', 'Il colloquio a tre', 'Laboratorio e sessione')).toBe(
			'Laboratorio giovani · Rilettura dei casi'
		);
		expect(rows.some((r) => r.valore === 'Aprire uno sportello a Castano')).toBe(false);
		expect(new Set(rows.map((r) => r.tabella))).toEqual(
			new Set([
				'totali',
				'obiettivi',
				'grafico_persone_raggiunte',
				'andamento',
				'per_ente',
				'grafico_esiti_per_ente',
				'assunzioni_per_tipo_datore',
				'assunzioni_per_contratto',
				'fse_allegato_1',
				'decisioni',
				'buone_pratiche'
			])
		);
	});

	it('gives each table as a CSV of its own, with its columns', async () => {
		const decisions = await csvRows(await get(observer, 'csv', projectId, '&table=decisioni'));
		expect(decisions).toEqual([
			{
				Data: '2025-03-12',
				Organo: 'Cabina di regia',
				Riunione: 'Seconda seduta della cabina',
				Decisione: 'Avviare i tirocini nel Magentino',
				Stato: 'Approvata',
				Scadenza: '—'
			}
		]);
		const byOrganisation = await csvRows(
			await get(coordinator, 'csv', projectId, '&table=grafico_esiti_per_ente')
		);
		expect(byOrganisation).toHaveLength(1);
		expect(byOrganisation[0]['Persone assunte']).toBe('3');
		const unknown = await get(coordinator, 'csv', projectId, '&table=nessuna');
		expect(unknown.status).toBe(404);
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

	// What the report adds to the dashboard's tables, in each document format.
	const NEW_PARTS = [
		'Decisioni prese',
		'Avviare i tirocini nel Magentino',
		'Seconda seduta della cabina',
		'Buone pratiche registrate',
		'Il colloquio a tre',
		'Persone raggiunte per Anno rispetto all',
		'Esiti per ente'
	];

	it('as PDF: a document whose text holds the tables', async () => {
		const response = await get(coordinator, 'pdf');
		expect(response.status).toBe(200);
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
		const text = squeezed(await pdfText(bytes));
		for (const expected of [
			'Rapporto di monitoraggio',
			'Persone assunte',
			'Tempo determinato',
			...NEW_PARTS
		]) {
			expect(text).toContain(squeezed(expected));
		}
		expect(text).not.toContain(squeezed('Aprire uno sportello a Castano'));
	});

	it('as ODT and DOCX: the decisions, the good practices and the charts', async () => {
		const odt = await get(coordinator, 'odt');
		expect(odt.status).toBe(200);
		const odtText = squeezed(
			strFromU8(unzipSync(new Uint8Array(await odt.arrayBuffer()))['content.xml']).replace(
				/<[^>]+>/g,
				''
			)
		);
		const docx = await get(coordinator, 'docx');
		const docxBody = squeezed(docxText(new Uint8Array(await docx.arrayBuffer())));
		for (const expected of NEW_PARTS) {
			expect(odtText).toContain(squeezed(expected));
			expect(docxBody).toContain(squeezed(expected));
		}
		// Four people of a target of eight: half the bar (five squares of ten).
		// 2025: 4 taken in charge, 4 so far, target 8, then the bar.
		expect(docxBody).toContain('2025448■■■■■');
		expect(odtText).toContain('2025448■■■■■');
	});

	it('is kept from people outside the project', async () => {
		const response = await get(outsider, 'csv');
		expect(response.status).toBe(404);
		expect(await response.text()).not.toContain('Persone');
	});
});

describe('the monitoring report of a from–to range', () => {
	const figures = async (query: string) => {
		const response = await get(coordinator, 'csv', projectId, query);
		expect(response.status).toBe(200);
		const rows = await csvRows(response);
		return (table: string, row: string, column: string) =>
			rows.find((r) => r.tabella === table && r.riga === row && r.colonna === column)?.valore;
	};

	it('counts an event on the first and on the last day', async () => {
		const response = await get(coordinator, 'csv', projectId, '&from=2025-02-03&to=2025-10-01');
		expect(response.headers.get('content-disposition')).toContain(
			'rapporto-monitoraggio-2025-02-03_2025-10-01.csv'
		);
		const figure = await figures('&from=2025-02-03&to=2025-10-01');
		// The intakes of 3 February (the first day) and the hires of 1 October (the last).
		expect(figure('totali', 'Persone prese in carico', 'Realizzato')).toBe('4');
		expect(figure('totali', 'Persone assunte', 'Realizzato')).toBe('3');
		expect(figure('andamento', '2025', 'Persone assunte')).toBe('3');
		expect(figure('assunzioni_per_contratto', 'Tempo determinato', 'Persone')).toBe('2');
		expect(figure('decisioni', '2025-03-12', 'Decisione')).toBe('Avviare i tirocini nel Magentino');
		// The good practice was recorded today, after the range.
		expect(
			figure('buone_pratiche', 'Il colloquio a tre', 'Laboratorio e sessione')
		).toBeUndefined();
	});

	it('leaves out the day before the first and the day after the last', async () => {
		const figure = await figures('&from=2025-02-04&to=2025-09-30');
		expect(figure('totali', 'Persone prese in carico', 'Realizzato')).toBe('0');
		expect(figure('totali', 'Persone assunte', 'Realizzato')).toBe('0');
		expect(figure('andamento', '2025', 'Persone assunte')).toBe('0');
		// Their pathways were open during the range.
		expect(figure('totali', 'Persone con percorso attivo', 'Realizzato')).toBe('4');
		expect(figure('assunzioni_per_contratto', 'Tempo determinato', 'Persone')).toBeUndefined();
		// Targets compare with the figures since the start, up to the range's end; the running
		// total of people reached starts from those taken in charge before the range.
		expect(figure('obiettivi', 'Persone prese in carico · Tutto il progetto', 'Realizzato')).toBe(
			'4'
		);
		expect(figure('grafico_persone_raggiunte', '2025', 'Prese in carico nel periodo')).toBe('0');
		expect(figure('grafico_persone_raggiunte', '2025', 'Raggiunte finora')).toBe('4');
	});

	it('runs to today when only the first day is given', async () => {
		const figure = await figures('&from=2025-10-02');
		expect(figure('totali', 'Persone assunte', 'Realizzato')).toBe('0');
		expect(figure('decisioni', '2025-03-12', 'Decisione')).toBeUndefined();
		expect(figure('buone_pratiche', 'Il colloquio a tre', 'Laboratorio e sessione')).toBe(
			'Laboratorio giovani · Rilettura dei casi'
		);
	});

	it('refuses a range that ends before it starts, or a day that is not one, in words', async () => {
		const reversed = await get(coordinator, 'csv', projectId, '&from=2025-10-02&to=2025-10-01');
		expect(reversed.status).toBe(400);
		const body = await reversed.json();
		expect(body.issues.to).toEqual([
			'La data di inizio non può essere successiva alla data di fine.'
		]);
		const nonsense = await get(coordinator, 'docx', projectId, '&from=2025-13-45');
		expect(nonsense.status).toBe(400);
		expect((await nonsense.json()).issues.from).toEqual(['Indica una data valida.']);
	});

	it('states the range on the cover of the documents', async () => {
		const response = await get(observer, 'docx', projectId, '&from=2025-02-03&to=2025-10-01');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-disposition')).toContain(
			// The days as reportFileName joins them, made safe by the renderer (`_` becomes `-`).
			'rapporto-monitoraggio-year-2025-02-03-2025-10-01.docx'
		);
		const text = squeezed(docxText(new Uint8Array(await response.arrayBuffer())));
		expect(text).toContain(
			squeezed('Lavoro e inclusione Alto Milanese · Dal 03/02/2025 al 01/10/2025')
		);
		expect(text).toContain(squeezed('Periodo: Dal 03/02/2025 al 01/10/2025'));
		const pdf = await get(coordinator, 'pdf', projectId, '&from=2025-02-03&to=2025-10-01');
		const pdfBody = squeezed(await pdfText(new Uint8Array(await pdf.arrayBuffer())));
		expect(pdfBody).toContain(squeezed('Dal 03/02/2025 al 01/10/2025'));
	});

	it('shows the page with the range, or with the errors of one that does not hold', async () => {
		const { load } =
			await import('../../../src/routes/(app)/projects/[projectId=uuid]/monitoring/report/+page.server');
		const page = (query: string) =>
			load({
				locals: { ctx: ctx(coordinator) },
				params: { projectId },
				url: new URL(`http://localhost/projects/${projectId}/monitoring/report?${query}`)
			} as unknown as Parameters<typeof load>[0]) as Promise<{
				range: { from: string; to: string } | null;
				rangeIssues: Record<string, string[]>;
				charts: { id: string; rows: { label: string }[] }[];
			}>;
		const ranged = await page('period=quarter&from=2025-02-03&to=2025-10-01');
		expect(ranged.range).toEqual({ from: '2025-02-03', to: '2025-10-01' });
		expect(ranged.charts[0].rows.map((r) => r.label)).toEqual([
			'2025-Q1',
			'2025-Q2',
			'2025-Q3',
			'2025-Q4'
		]);
		const wrong = await page('from=2025-10-02&to=2025-10-01');
		expect(wrong.range).toBeNull();
		expect(wrong.rangeIssues.to).toEqual([
			'La data di inizio non può essere successiva alla data di fine.'
		]);
	});
});
