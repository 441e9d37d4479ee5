import { expect, test, type Page } from '@playwright/test';
import { DEMO_CASES } from '../../../src/lib/server/demo/data/cases';
import { DEMO_FOLLOW_UP_CASES } from '../../../src/lib/server/demo/data/follow-ups';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { openDemoProject, personInNewContext } from '../support/session';

// Several people in their own browsers, one after another: about a minute of real work.
test.slow(true, 'multi-person flows');

/**
 * Monitoring at the browser: Luca (operator) sees the hires figure of the demo (one hire, shown
 * to him, withheld as "< 3" from the evaluator); he opens two pathways and records a hire on each;
 * the figure, the chart's table and the evaluator's first screen move to 3, and nothing on the
 * evaluator's pages names or pseudonymises anyone.
 */
const stamp = Date.now().toString(36);

const hiresFigure = (page: Page) => page.locator('[data-indicator="hires"] dd');

async function openPathwayWithHire(luca: Page, projectId: string, name: string): Promise<void> {
	await luca.goto(`/projects/${projectId}/cases/new`);
	await luca.getByLabel('Nome e cognome').fill(name);
	await luca.getByRole('button', { name: 'Apri il percorso' }).click();
	await expect(luca).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
	const form = luca.locator('form[action="?/event"]');
	// The kind's fields appear once the page is interactive: choose again until they do.
	await expect(async () => {
		await form.getByLabel('Tipo di evento').selectOption('hire');
		await expect(form.getByLabel('Datore di lavoro')).toBeVisible({ timeout: 1_000 });
	}).toPass();
	// A hire says who employs the person and how, as the indicators count it.
	await form
		.getByLabel('Datore di lavoro')
		.selectOption({ label: 'Il Portico Cooperativa Sociale a.r.l.' });
	await form.getByLabel('Settore').selectOption('non_profit');
	await form.getByLabel('Contratto').selectOption('fixed_term');
	await form.getByLabel('Data di inizio').fill(new Date().toISOString().slice(0, 10));
	await form.getByLabel('Nuovo stato del percorso').selectOption('employed');
	await form.getByRole('button', { name: 'Aggiungi al diario' }).click();
	await expect(luca.getByRole('status')).toHaveText('Evento aggiunto al diario.');
}

test('an operator adds hires; the dashboard moves; the evaluator sees it and no identity', async ({
	browser
}) => {
	const luca = await personInNewContext(browser, 'caseOperator');
	const projectId = await openDemoProject(luca);
	const dashboard = `/projects/${projectId}/monitoring`;

	await luca.goto(dashboard);
	await expect(luca.getByRole('heading', { level: 1, name: 'Monitoraggio' })).toBeVisible();
	await expect(hiresFigure(luca)).toHaveText('1');

	const observer = await personInNewContext(browser, 'observer');
	await observer.goto(`/projects/${projectId}`);
	const summary = observer.getByTestId('monitoring-summary');
	await expect(summary).toBeVisible();
	await expect(hiresFigure(observer)).toHaveText('< 3');

	const names = [`Assunta Prima ${stamp}`, `Assunto Secondo ${stamp}`];
	for (const name of names) await openPathwayWithHire(luca, projectId, name);

	await luca.goto(dashboard);
	await expect(hiresFigure(luca)).toHaveText('3');
	const thisYear = String(new Date().getFullYear());
	const trendRow = luca.getByTestId('trend-table').getByRole('row', { name: new RegExp(thisYear) });
	await expect(trendRow).toBeVisible();
	await expect(luca.getByTestId('trend-chart').locator('svg').first()).toBeVisible();

	// The evaluator's first screen now shows the figure, and the dashboard has no identity.
	await observer.reload();
	await expect(hiresFigure(observer)).toHaveText('3');
	await observer.getByRole('link', { name: 'Apri il monitoraggio completo' }).click();
	await expect(observer).toHaveURL(new RegExp(`${dashboard}$`));
	await expect(hiresFigure(observer)).toHaveText('3');
	await expect(observer.getByTestId('suppression-notice')).toBeVisible();
	const main = observer.locator('main');
	for (const demo of [...DEMO_CASES, ...DEMO_FOLLOW_UP_CASES]) {
		await expect(main).not.toContainText(demo.pseudonym);
		await expect(main).not.toContainText(demo.identity.fullName);
	}
	for (const name of names) await expect(main).not.toContainText(name);
	await expect(observer.getByRole('button', { name: 'Salva obiettivo' })).toHaveCount(0);
	await expectNoSeriousA11yViolations(observer);

	await observer.setViewportSize({ width: 1280, height: 900 });
	await observer.screenshot({ path: 'test-results/monitoring-1280.png', fullPage: true });
	await observer.setViewportSize({ width: 390, height: 844 });
	await observer.screenshot({ path: 'test-results/monitoring-390.png', fullPage: true });
});

test('the coordinator enters a target; a wrong value is explained in Italian', async ({
	browser
}) => {
	const giulia = await personInNewContext(browser, 'coordinator');
	const projectId = await openDemoProject(giulia);
	await giulia.goto(`/projects/${projectId}/monitoring`);
	// The targets of 001 §5 are seeded.
	const targets = giulia.getByRole('table', { name: /Obiettivi della scheda progetto/ });
	await expect(targets.getByRole('row')).toHaveCount(8);

	await giulia.getByLabel('Indicatore').selectOption('hires');
	await giulia.getByLabel('Valore obiettivo').fill('0');
	await giulia.getByRole('button', { name: 'Salva obiettivo' }).click();
	const value = giulia.getByLabel('Valore obiettivo');
	await expect(value).toHaveAttribute('aria-invalid', 'true');
	await expect(giulia.locator('#field-target-error')).toHaveText(/numero intero maggiore di zero/);

	await value.fill('12');
	await giulia.getByRole('button', { name: 'Salva obiettivo' }).click();
	await expect(giulia.getByRole('status')).toHaveText('Obiettivo salvato.');
	await expect(targets.getByRole('row', { name: /Persone assunte/ })).toContainText('12');
	await expectNoSeriousA11yViolations(giulia);
});
