import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { DEMO_CASES } from '../../../src/lib/server/demo/data/cases';
import { DEMO_FOLLOW_UP_CASES } from '../../../src/lib/server/demo/data/follow-ups';
import { docxText, squeezed } from '../../support/export-text';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { openDemoProject, personInNewContext } from '../support/session';

/**
 * The full monitoring report from the dashboard: Giulia (coordinator) starts the DOCX export,
 * the page shows how far the job is, the file downloads, and its text holds the figures the
 * dashboard shows (the demo's follow-ups among them), the cronoprogramma and the traceability,
 * with no name or pseudonym. Then the same page at 390 px: nothing wider than the screen, axe
 * finds nothing serious.
 */
test('the coordinator exports the report, sees its progress and reads the file back', async ({
	browser
}) => {
	const giulia = await personInNewContext(browser, 'coordinator');
	const projectId = await openDemoProject(giulia);
	await giulia.goto(`/projects/${projectId}/monitoring`);
	await expect(giulia.getByRole('heading', { level: 1, name: 'Monitoraggio' })).toBeVisible();

	const figure = async (indicator: string) =>
		(await giulia.locator(`[data-indicator="${indicator}"] dd`).textContent())!.trim();
	const followUps = await figure('employed_six_months');
	const inCharge = await figure('people_in_charge');
	// The demo's three follow-ups found people employed: the figure is not zero, nor withheld.
	expect(Number(followUps)).toBeGreaterThanOrEqual(3);

	const section = giulia.getByRole('region', { name: 'Prepara il rapporto completo' });
	const progress = giulia.getByTestId('report-export-progress');
	const download = giulia.waitForEvent('download');
	await section.getByRole('link', { name: 'Rapporto completo in DOCX' }).click();
	await expect(progress).toContainText(/Preparazione|Lettura dei dati|Composizione del file DOCX/);
	const file = await download;
	expect(file.suggestedFilename()).toBe('rapporto-monitoraggio-year.docx');
	await expect(progress).toContainText('Rapporto pronto');
	await expect(section.getByRole('alert')).toHaveCount(0);

	const text = squeezed(docxText(new Uint8Array(await readFile((await file.path())!))));
	// The e2e tests share one demo, and others take people in charge meanwhile: the report's
	// figure is the dashboard's as it was at some moment between reading it before and after.
	await giulia.reload();
	const inChargeAfter = await figure('people_in_charge');
	const reported = Number(/Personepreseincarico(\d+)/.exec(text)?.[1]);
	expect(reported).toBeGreaterThanOrEqual(Number(inCharge));
	expect(reported).toBeLessThanOrEqual(Number(inChargeAfter));
	for (const expected of [
		'Rapporto di monitoraggio',
		`Persone occupate al follow-up a 6 mesi${followUps}`,
		"Grafico dell'avanzamento",
		'Cronoprogramma: previsto e realizzato',
		'Attività rendicontative',
		'Tracciabilità: dal bisogno al risultato'
	]) {
		expect(text).toContain(squeezed(expected));
	}
	for (const demo of [...DEMO_CASES, ...DEMO_FOLLOW_UP_CASES]) {
		expect(text).not.toContain(squeezed(demo.identity.fullName));
		expect(text).not.toContain(demo.pseudonym);
	}

	await giulia.setViewportSize({ width: 390, height: 844 });
	await giulia.reload();
	await expect(section.getByRole('link', { name: 'Rapporto completo in PDF' })).toBeVisible();
	const overflow = await giulia.evaluate(
		() => document.documentElement.scrollWidth - window.innerWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	await expectNoSeriousA11yViolations(giulia);
});

/**
 * The report of a from–to range at the browser: a range that ends before it starts is explained
 * beside its field; the year 2025 then shows its charts, each with its data table (twelve months,
 * none outside the year), and the list of tables as CSV, one of which downloads with its own
 * header row. At 1280 px and 390 px nothing is wider than the screen and axe finds nothing
 * serious.
 */
test('the report of a from–to range: charts with their tables, each table as CSV', async ({
	browser
}) => {
	const giulia = await personInNewContext(browser, 'coordinator');
	const projectId = await openDemoProject(giulia);
	await giulia.setViewportSize({ width: 1280, height: 900 });
	await giulia.goto(`/projects/${projectId}/monitoring/report`);
	await expect(giulia.getByTestId('report-range')).toHaveText('Tutto il progetto fino a oggi');

	const from = giulia.getByLabel('Dal giorno', { exact: true });
	const to = giulia.getByLabel('Al giorno', { exact: true });
	await from.fill('2025-12-31');
	await to.fill('2025-01-01');
	await giulia.getByRole('button', { name: 'Mostra il periodo' }).click();
	await expect(giulia.getByLabel('Al giorno', { exact: true })).toHaveAttribute(
		'aria-invalid',
		'true'
	);
	await expect(giulia.locator('#field-to-error')).toHaveText(
		'La data di inizio non può essere successiva alla data di fine.'
	);
	await expect(giulia.getByTestId('report-range')).toHaveText('Tutto il progetto fino a oggi');

	await giulia.getByLabel('Dal giorno', { exact: true }).fill('2025-01-01');
	await giulia.getByLabel('Al giorno', { exact: true }).fill('2025-12-31');
	await giulia.getByRole('button', { name: 'Mostra il periodo' }).click();
	await expect(giulia).toHaveURL(/from=2025-01-01&to=2025-12-31/);
	await expect(giulia.getByTestId('report-range')).toHaveText('Dal 01/01/2025 al 31/12/2025');
	await expect(giulia.getByLabel('Al giorno', { exact: true })).not.toHaveAttribute(
		'aria-invalid',
		'true'
	);

	// Each chart is a figure drawn for the eye, with its figures in a table beside it.
	const reached = giulia.getByRole('figure', { name: /Persone raggiunte per Mese/ });
	await expect(
		reached.getByTestId('grafico_persone_raggiunte-chart').locator('svg').first()
	).toBeVisible();
	const data = giulia.getByRole('table', { name: /Dati del grafico: Persone raggiunte per Mese/ });
	await expect(data.getByRole('row')).toHaveCount(13);
	await expect(data.getByRole('rowheader', { name: '2025-01' })).toBeVisible();
	await expect(data.getByRole('rowheader', { name: '2025-12' })).toBeVisible();
	await expect(data.getByRole('rowheader', { name: '2026-01' })).toHaveCount(0);
	await expect(data.getByRole('columnheader')).toHaveText([
		'Periodo',
		'Prese in carico nel periodo',
		'Raggiunte finora',
		'Obiettivo'
	]);
	for (const id of ['grafico_esiti_per_ente', 'grafico_esiti_per_ambito']) {
		await expect(giulia.locator(`#${id}-table`)).toBeVisible();
	}

	// The list of tables: one downloads as its own CSV, of the same days, with its header row.
	const tables = giulia.getByRole('region', { name: 'Ogni tabella in CSV' });
	const link = tables.locator('a[data-table="grafico_persone_raggiunte"]');
	await expect(link).toHaveAttribute('href', /from=2025-01-01&to=2025-12-31/);
	const download = giulia.waitForEvent('download');
	await link.click();
	const file = await download;
	expect(file.suggestedFilename()).toBe(
		'rapporto-monitoraggio-grafico_persone_raggiunte-2025-01-01_2025-12-31.csv'
	);
	const lines = (await readFile((await file.path())!, 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
	expect(lines[0]).toBe('Periodo;Prese in carico nel periodo;Raggiunte finora;Obiettivo');
	expect(lines[1]).toMatch(/^2025-01;\d+;\d+;180$/);
	expect(lines.filter((line) => line.startsWith('2025-'))).toHaveLength(12);
	// The documents carry the days too.
	await expect(giulia.getByRole('link', { name: 'Rapporto completo in DOCX' })).toHaveAttribute(
		'href',
		/period=month&from=2025-01-01&to=2025-12-31/
	);

	const overflow = () =>
		giulia.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(await overflow()).toBeLessThanOrEqual(0);
	await expectNoSeriousA11yViolations(giulia);
	await giulia.setViewportSize({ width: 390, height: 844 });
	await giulia.reload();
	await expect(data.getByRole('row')).toHaveCount(13);
	expect(await overflow()).toBeLessThanOrEqual(0);
	await expectNoSeriousA11yViolations(giulia);
});
