import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/lib/server/context';
import type { Actor } from '../../../src/lib/server/access/policy';
import { DEMO_PROJECT_ID } from '../../../src/lib/server/demo/ids';
import { seedDemo } from '../../../src/lib/server/demo/seed';
import { DEMO_CASES } from '../../../src/lib/server/demo/data/cases';
import { DEMO_FOLLOW_UP_CASES } from '../../../src/lib/server/demo/data/follow-ups';
import { dashboard } from '../../../src/lib/server/monitoring/dashboard';
import { barText, cellText } from '../../../src/lib/server/monitoring/report';
import * as trace from '../../../src/lib/server/monitoring/traceability';
import { indicatorLabel } from '../../../src/lib/monitoring/indicators';
import { startTestRuntime } from '../../support/runtime';
import { testContext } from '../../support/context';
import { docxText, pdfText, squeezed } from '../../support/export-text';
import { actorOf, buildPerson } from '../../support/factories';
import { demoActor } from '../demo/fresh-database';

/**
 * The full monitoring report as an export job, on the demo: started as the coordinator, polled
 * to the end, downloaded and read back. The figures in the DOCX and the PDF are the dashboard's
 * (the same SQL aggregates, the same small-cell suppression), beside the cronoprogramma and the
 * thread from need to outcome.
 */
const { db } = await startTestRuntime();
await seedDemo(db);
const projectId = DEMO_PROJECT_ID;
const giulia = await demoActor(db, 'coordinator');
const ctx = (actor: Actor): Ctx => testContext(db, actor);

// The thread the coordinator draws: a need, the objective that answers it, the action that
// serves it and the follow-up indicator that measures it.
const need = await trace.addNode(ctx(giulia), projectId, {
	kind: 'need',
	title: 'Chi esce dal percorso perde il lavoro trovato'
});
const objective = await trace.addNode(ctx(giulia), projectId, {
	kind: 'objective',
	title: 'Lavoro stabile sei mesi dopo'
});
const orientation = (await trace.traceabilityView(ctx(giulia), projectId)).options.actions.find(
	(a) => a.title === 'Area formativa e orientativa'
)!;
for (const [kind, fromId, toId] of [
	['need_objective', need.id, objective.id],
	['objective_action', objective.id, orientation.ref],
	['indicator_objective', 'employed_six_months', objective.id]
] as const) {
	await trace.setLink(ctx(giulia), projectId, { kind, fromId, toId, done: true });
}

const { POST } =
	await import('../../../src/routes/(app)/projects/[projectId=uuid]/monitoring/report/[format=monitoring_report_format]/+server');
const { GET: jobGET } =
	await import('../../../src/routes/(app)/projects/[projectId=uuid]/monitoring/report/jobs/[jobId=uuid]/+server');

const start = (actor: Actor | null, format: string) =>
	POST({
		locals: { ctx: testContext(db, actor as Actor), actor },
		params: { projectId, format },
		url: new URL(`http://localhost/projects/${projectId}/monitoring/report/${format}?period=year`)
	} as unknown as Parameters<typeof POST>[0]);

const poll = (actor: Actor, jobId: string, download = false) =>
	jobGET({
		locals: { ctx: ctx(actor), actor },
		params: { projectId, jobId },
		url: new URL(
			`http://localhost/projects/${projectId}/monitoring/report/jobs/${jobId}${download ? '?download=1' : ''}`
		)
	} as unknown as Parameters<typeof jobGET>[0]);

interface Status {
	phase: string;
	done: number;
	total: number;
	statusUrl?: string;
	filename?: string;
}

/** Starts a job and polls it to its end (the status is the observable event), then downloads. */
async function exportReport(actor: Actor, format: 'docx' | 'pdf') {
	const started = await start(actor, format);
	expect(started.status).toBe(202);
	const first = (await started.json()) as Status & { id: string };
	expect(first.statusUrl).toBe(`/projects/${projectId}/monitoring/report/jobs/${first.id}`);
	const phases = new Set<string>([first.phase]);
	let status: Status = first;
	while (status.phase !== 'done' && status.phase !== 'failed') {
		await new Promise((resolve) => setTimeout(resolve, 20));
		status = (await (await poll(actor, first.id)).json()) as Status;
		phases.add(status.phase);
	}
	expect(status).toMatchObject({ phase: 'done', filename: `rapporto-monitoraggio-year.${format}` });
	const file = await poll(actor, first.id, true);
	expect(file.status).toBe(200);
	return { bytes: new Uint8Array(await file.arrayBuffer()), phases, jobId: first.id };
}

const figures = await dashboard(ctx(giulia), projectId, 'year');

/** What the report must say, built from the dashboard: each figure right after its label. */
function expectedFigures(): string[] {
	const totals = (['people_in_charge', 'hires', 'employed_six_months'] as const).map(
		(i) => indicatorLabel(i) + cellText(figures.totals[i])
	);
	const targets = figures.targets
		.filter((t) => t.districtId === null)
		.map(
			(t) =>
				`${indicatorLabel(t.indicator)} · Tutto il progetto` +
				String(t.target) +
				cellText(t.actual) +
				(t.progress === null ? '—' : String(t.progress)) +
				barText(t.progress)
		);
	return [...totals, ...targets].map(squeezed);
}

describe('the monitoring report as an export job', () => {
	it('the demo follow-ups make the six-month result visible, even to the evaluator', async () => {
		// Three people closed in 2025 were found employed at the six-month follow-up, all in 2026.
		expect(figures.totals.employed_six_months).toEqual({ value: 3, suppressed: false });
		expect(figures.totals.closures).toEqual({ value: 3, suppressed: false });
		// The follow-ups add no hire: the demo's one hire stays (Matteo Cortesi).
		expect(figures.totals.hires).toEqual({ value: 1, suppressed: false });
		const row2026 = figures.trend.find((row) => row.period === '2026')!;
		expect(row2026.cells.employed_six_months).toEqual({ value: 3, suppressed: false });
		// Three people are enough for the evaluator to see the figure; the one hire stays withheld.
		const observer = await dashboard(ctx(await demoActor(db, 'observer')), projectId, 'year');
		expect(observer.totals.employed_six_months).toEqual({ value: 3, suppressed: false });
		expect(observer.totals.hires).toEqual({ value: null, suppressed: true });
	});

	it('as DOCX: progress, then a file whose figures are the dashboard’s', async () => {
		const { bytes, phases } = await exportReport(giulia, 'docx');
		expect(phases.has('done')).toBe(true);
		const text = squeezed(docxText(bytes));
		for (const expected of expectedFigures()) expect(text).toContain(expected);
		// Indicators against targets: people taken in charge, 180 planned, 8 so far, 4 %, no bar yet.
		expect(text).toContain(squeezed('Persone prese in carico · Tutto il progetto18084·'));
		// The cronoprogramma, planned beside lived, and the thread from need to outcome.
		expect(text).toContain(squeezed('Cronoprogramma: previsto e realizzato'));
		expect(text).toContain(squeezed('Attività rendicontativeM6–M8, M11–M12, M15–M18'));
		expect(text).toContain(
			squeezed(
				'Chi esce dal percorso perde il lavoro trovato' +
					'Lavoro stabile sei mesi dopo' +
					'Area formativa e orientativa' +
					`${indicatorLabel('employed_six_months')}: 3`
			)
		);
		for (const demo of [...DEMO_CASES, ...DEMO_FOLLOW_UP_CASES]) {
			expect(text).not.toContain(squeezed(demo.identity.fullName));
			expect(text).not.toContain(demo.pseudonym);
		}
	});

	it('as PDF: the same figures in the text a screen reader gets', async () => {
		const { bytes } = await exportReport(giulia, 'pdf');
		expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
		const text = squeezed(await pdfText(bytes));
		for (const expected of expectedFigures()) expect(text).toContain(expected);
		expect(text).toContain(squeezed('Attività rendicontativeM6–M8, M11–M12, M15–M18'));
		expect(text).toContain(squeezed(`${indicatorLabel('employed_six_months')}: 3`));
	});

	it('follows the policy: only readers of the monitoring start one, only its owner sees it', async () => {
		const stranger = await buildPerson(db);
		const refused = await start(actorOf(stranger), 'pdf');
		expect([403, 404]).toContain(refused.status);
		expect((await start(null, 'pdf')).status).toBe(401);
		const csv = await start(giulia, 'csv');
		expect(csv.status).toBe(400);
		expect(((await csv.json()) as { message: string }).message).toContain('DOCX, ODT o PDF');
		const { jobId } = await exportReport(giulia, 'pdf');
		const observer = await demoActor(db, 'observer');
		expect((await poll(observer, jobId)).status).toBe(404);
	});
});
