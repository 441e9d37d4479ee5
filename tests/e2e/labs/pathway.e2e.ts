import { expect, test } from '@playwright/test';
import { demoUuid } from '../../../src/lib/server/demo/ids';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { openDemoProject, personInNewContext } from '../support/session';

/**
 * A structured pathway event at the browser: Luca (Solidarietà e Servizi) records an internship
 * for Karim (H7Q-2MX) with its host from the register; Chiara, the facilitator, reads the
 * internship's fields by pseudonym, never the note nor the name.
 */
const benali = demoUuid('case:benali');
const stamp = Date.now().toString(36);

test('an operator adds an internship; the facilitator reads its fields by pseudonym only', async ({
	browser
}) => {
	const luca = await personInNewContext(browser, 'caseOperator');
	const projectId = await openDemoProject(luca);
	const casePath = `/projects/${projectId}/cases/${benali}`;
	await luca.goto(casePath);

	const form = luca.locator('form[action="?/event"]');
	// The kind's fields appear once the page is interactive: choose again until they do.
	await expect(async () => {
		await form.getByLabel('Tipo di evento').selectOption('internship');
		await expect(form.getByLabel('Soggetto ospitante')).toBeVisible({ timeout: 1_000 });
	}).toPass();
	// Submitted empty, each required field of the internship says what is missing.
	await form.getByRole('button', { name: 'Aggiungi al diario' }).click();
	await expect(form.getByLabel('Soggetto ospitante')).toHaveAttribute('aria-invalid', 'true');
	await expect(form.getByLabel('Data di inizio')).toHaveAttribute('aria-invalid', 'true');
	await expectNoSeriousA11yViolations(luca);

	await form
		.getByLabel('Soggetto ospitante')
		.selectOption({ label: 'Il Portico Cooperativa Sociale a.r.l.' });
	await form.getByLabel('Data di inizio').fill('2026-03-02');
	await form.getByLabel('Data di fine').fill('2026-09-01');
	await form.getByLabel('Indennità mensile (€)').fill('500,00');
	await form.getByLabel('Ore di tutoraggio').fill('30');
	await form.getByLabel('Esito').selectOption('ongoing');
	await form.getByLabel('Nota').fill(`Karim contento del tirocinio ${stamp}`);
	await form.getByRole('button', { name: 'Aggiungi al diario' }).click();
	await expect(luca.getByRole('status')).toHaveText('Evento aggiunto al diario.');
	const entry = luca
		.getByRole('listitem')
		.filter({ hasText: `Karim contento del tirocinio ${stamp}` });
	await expect(entry).toContainText('Il Portico');
	await expect(entry.locator('dt', { hasText: 'Mensilità di tirocinio' })).toBeVisible();
	await expect(entry.locator('dd', { hasText: /^6$/ })).toBeVisible();
	await expect(entry).toContainText('500,00');
	await expectNoSeriousA11yViolations(luca);

	const chiara = await personInNewContext(browser, 'facilitator');
	const response = await chiara.goto(casePath);
	expect(response?.status()).toBe(200);
	await expect(chiara.getByRole('heading', { name: 'H7Q-2MX', level: 1 })).toBeVisible();
	const main = chiara.locator('main');
	await expect(main).toContainText('Il Portico');
	await expect(main.locator('dt', { hasText: 'Mensilità di tirocinio' }).first()).toBeVisible();
	await expect(main).not.toContainText('Benali');
	await expect(main).not.toContainText(`Karim contento del tirocinio ${stamp}`);
	// The page's data travels without the note or the name either.
	const data = await chiara.request.get(`${casePath}/__data.json`);
	const body = await data.text();
	expect(body).not.toContain('Benali');
	expect(body).not.toContain(stamp);
	await expectNoSeriousA11yViolations(chiara);

	for (const width of [1280, 390]) {
		await luca.setViewportSize({ width, height: 900 });
		await luca.screenshot({ path: `test-results/labs-pathway-${width}.png`, fullPage: true });
	}
});
