import { expect, test } from '@playwright/test';
import { signIn } from './support/session';
import { checkWidths, DESKTOP } from './support/widths';

/**
 * Setting a project up (issue 13): the demo admin, who belongs to no project, finds the way
 * from the empty projects page, creates an organisation and a project, and appoints Giulia
 * Ferraris as its coordinator. Walked at desktop width, with axe on every page there and at
 * phone width, where the controls she uses next must be within reach (support/widths.ts).
 */
const WIDTHS = [DESKTOP, 390];

test('the admin sets a project up, at 1280 and 390 px', async ({ page }) => {
	// Seven pages, each with axe at two widths: more than one page's default budget.
	test.setTimeout(300_000);
	await page.setViewportSize({ width: DESKTOP, height: 900 });
	const suffix = Date.now().toString(36);
	const organisationName = `Cooperativa Aurora ${suffix}`;
	const projectTitle = `Lavoro vicino ${suffix}`;

	await signIn(page, 'admin');
	await expect(page.getByText('Non fai ancora parte di nessun progetto')).toBeVisible();
	const administration = page.getByRole('link', { name: 'Amministrazione' }).last();
	await checkWidths(page, WIDTHS, { controls: [administration] });
	await administration.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Amministrazione' })).toBeVisible();
	const newOrganisation = page.getByRole('link', { name: 'Nuova organizzazione' });
	await checkWidths(page, WIDTHS, { controls: [newOrganisation] });

	await newOrganisation.click();
	await page.getByLabel('Denominazione').fill(organisationName);
	await page.getByLabel('Tipologia').selectOption({ label: 'Associazione' });
	await page.getByLabel('Partita IVA').fill('12345678901');
	await page.getByRole('button', { name: "Crea l'organizzazione" }).click();
	// A wrong check digit: said next to the field, and what was typed is still there.
	await expect(page.getByText("l'ultima cifra di controllo non torna")).toBeVisible();
	await expect(page.getByLabel('Denominazione')).toHaveValue(organisationName);
	const vat = page.getByLabel('Partita IVA');
	const create = page.getByRole('button', { name: "Crea l'organizzazione" });
	await checkWidths(page, WIDTHS, {
		controls: [page.getByLabel('Denominazione'), page.getByLabel('Tipologia'), vat, create]
	});
	await vat.fill('');
	await create.click();
	await expect(page.getByRole('status')).toContainText('Organizzazione creata');

	const newProject = page.getByRole('link', { name: 'Nuovo progetto' });
	await checkWidths(page, WIDTHS.slice(1), { controls: [newProject], axe: false });
	await newProject.click();
	const title = page.getByLabel('Titolo del progetto');
	const acronym = page.getByLabel('Acronimo');
	const lead = page.getByLabel('Ente capofila');
	const createProject = page.getByRole('button', { name: 'Crea il progetto' });
	await checkWidths(page, WIDTHS, { controls: [title, acronym, lead, createProject] });
	await title.fill(projectTitle);
	await acronym.fill('LV');
	await lead.selectOption({ label: organisationName });
	await createProject.click();
	await expect(page).toHaveURL(/\/admin\/projects\/[0-9a-f-]{36}\/coordinator/);
	await expect(page.getByRole('status')).toContainText(projectTitle);
	const existing = page.getByLabel('Persona già presente');
	const organisation = page.getByLabel('Organizzazione', { exact: true });
	const appoint = page.getByRole('button', { name: 'Nomina coordinatore' });
	await checkWidths(page, WIDTHS, { controls: [existing, organisation, appoint] });

	await existing.selectOption({ label: 'Giulia Ferraris (giulia.ferraris@demo.tavolo.it)' });
	await organisation.selectOption({ label: organisationName });
	await appoint.click();
	await expect(page.getByRole('status')).toContainText(
		`Giulia Ferraris coordina ora «${projectTitle}»`
	);
	await checkWidths(page, WIDTHS);

	await page.goto('/admin');
	const row = page.getByRole('row', { name: new RegExp(projectTitle) });
	await expect(row).toContainText('Giulia Ferraris');
});
