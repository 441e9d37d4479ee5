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
