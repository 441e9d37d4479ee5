import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { signIn } from './support/session';

/**
 * Setting a project up (issue 13): the demo admin, who belongs to no project, finds the way
 * from the empty projects page, creates an organisation and a project, and appoints Giulia
 * Ferraris as its coordinator. At desktop width and on a phone, with axe on every page.
 */
async function noSidewaysScroll(page: Page): Promise<void> {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - window.innerWidth
	);
	expect(overflow, `sideways overflow on ${page.url()}`).toBeLessThanOrEqual(0);
}

async function checkPage(page: Page): Promise<void> {
	await expectNoSeriousA11yViolations(page);
	await noSidewaysScroll(page);
}

for (const width of [1280, 390]) {
	test(`the admin sets a project up at ${width} px`, async ({ page }) => {
		// Seven pages, each with an axe run: more than one page's default budget.
		test.setTimeout(300_000);
		await page.setViewportSize({ width, height: 900 });
		const suffix = `${width}-${Date.now().toString(36)}`;
		const organisationName = `Cooperativa Aurora ${suffix}`;
		const projectTitle = `Lavoro vicino ${suffix}`;

		await signIn(page, 'admin');
		await expect(page.getByText('Non fai ancora parte di nessun progetto')).toBeVisible();
		await checkPage(page);
		await page.getByRole('link', { name: 'Amministrazione' }).last().click();
		await expect(page.getByRole('heading', { level: 1, name: 'Amministrazione' })).toBeVisible();
		await checkPage(page);

		await page.getByRole('link', { name: 'Nuova organizzazione' }).click();
		await page.getByLabel('Denominazione').fill(organisationName);
		await page.getByLabel('Tipologia').selectOption({ label: 'Associazione' });
		await page.getByLabel('Partita IVA').fill('12345678901');
		await page.getByRole('button', { name: "Crea l'organizzazione" }).click();
		// A wrong check digit: said next to the field, and what was typed is still there.
		await expect(page.getByText("l'ultima cifra di controllo non torna")).toBeVisible();
		await expect(page.getByLabel('Denominazione')).toHaveValue(organisationName);
		await checkPage(page);
		await page.getByLabel('Partita IVA').fill('');
		await page.getByRole('button', { name: "Crea l'organizzazione" }).click();
		await expect(page.getByRole('status')).toContainText('Organizzazione creata');

		await page.getByRole('link', { name: 'Nuovo progetto' }).click();
		await checkPage(page);
		await page.getByLabel('Titolo del progetto').fill(projectTitle);
		await page.getByLabel('Acronimo').fill('LV');
		await page.getByLabel('Ente capofila').selectOption({ label: organisationName });
		await page.getByRole('button', { name: 'Crea il progetto' }).click();
		await expect(page).toHaveURL(/\/admin\/projects\/[0-9a-f-]{36}\/coordinator/);
		await expect(page.getByRole('status')).toContainText(projectTitle);
		await checkPage(page);

		await page
			.getByLabel('Persona già presente')
			.selectOption({ label: 'Giulia Ferraris (giulia.ferraris@demo.tavolo.it)' });
		await page
			.getByLabel('Organizzazione', { exact: true })
			.selectOption({ label: organisationName });
		await page.getByRole('button', { name: 'Nomina coordinatore' }).click();
		await expect(page.getByRole('status')).toContainText(
			`Giulia Ferraris coordina ora «${projectTitle}»`
		);
		await checkPage(page);

		await page.goto('/admin');
		const row = page.getByRole('row', { name: new RegExp(projectTitle) });
		await expect(row).toContainText('Giulia Ferraris');
	});
}
