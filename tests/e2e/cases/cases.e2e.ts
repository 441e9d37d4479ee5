import { expect, test, type Page } from '@playwright/test';
import { demoUuid } from '../../../src/lib/server/demo/ids';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { openDemoProject, personInNewContext } from '../support/session';

// Several people in their own browsers, one after another: about a minute of real work.
test.slow(true, 'multi-person flows');

/**
 * Case records at the browser: Karim Benali (H7Q-2MX) is followed by Solidarietà e Servizi,
 * whose operator Luca sees who he is; Sara (Atticus, another organisation), Marco (a partner
 * editor) and the WIN-WIN coordinator are refused; Giulia (coordinator) sees the pseudonym only.
 */
const benali = demoUuid('case:benali');
const stamp = Date.now().toString(36);

async function open(page: Page, path: string): Promise<number> {
	const response = await page.goto(path);
	return response?.status() ?? 0;
}

test("an organisation's operator sees identity on its case; others see a pseudonym or nothing", async ({
	browser
}) => {
	const luca = await personInNewContext(browser, 'caseOperator');
	const projectId = await openDemoProject(luca);
	const casePath = `/projects/${projectId}/cases/${benali}`;

	await luca
		.getByRole('navigation', { name: 'Sezioni del progetto' })
		.getByRole('link', { name: 'Percorsi' })
		.click();
	await expect(luca.getByRole('heading', { name: 'Percorsi delle persone' })).toBeVisible();
	const list = luca.getByRole('table');
	await expect(list.getByRole('link', { name: 'H7Q-2MX' })).toBeVisible();
	// Own organisation's records only, and by pseudonym: no names in the list.
	await expect(list.getByRole('link', { name: 'P8F-3JV' })).toHaveCount(0);
	await expect(list).not.toContainText('Benali');
	await expectNoSeriousA11yViolations(luca);

	// The list is paged and searched by part of the pseudonym (issue 15): the URL keeps the search.
	const search = luca.getByRole('search', { name: 'Cerca per pseudonimo' });
	await search.getByRole('searchbox').fill('h7q');
	await search.getByRole('button', { name: 'Cerca', exact: true }).click();
	await expect(luca).toHaveURL(/[?&]q=h7q/);
	await expect(luca.getByText('Percorsi trovati: 1')).toBeVisible();
	await expect(list.getByRole('link')).toHaveText(['H7Q-2MX']);
	await search.getByRole('searchbox').fill('nessuno');
	await search.getByRole('button', { name: 'Cerca', exact: true }).click();
	await expect(luca.getByText('Nessun percorso corrisponde alla ricerca.')).toBeVisible();
	await luca.getByRole('link', { name: 'Mostra tutti' }).click();
	await expect(list.getByRole('link', { name: 'H7Q-2MX' })).toBeVisible();

	const response = await luca.goto(casePath);
	expect(response?.status()).toBe(200);
	expect(response?.headers()['cache-control']).toBe('no-store');
	await expect(luca.getByTestId('case-full-name')).toHaveText('Karim Benali');
	await expect(luca.getByText('BNLKRM94C12Z330P')).toBeVisible();
	await expect(luca.getByText('Tutoraggio mensile (5 ore): buon inserimento.')).toBeVisible();
	await expectNoSeriousA11yViolations(luca);

	// Sara follows people for Atticus: Karim's record is not hers.
	const sara = await personInNewContext(browser, 'caseOperatorAtticus');
	expect(await open(sara, casePath)).toBe(403);
	await expect(sara.locator('main')).not.toContainText('Benali');
	await sara.goto(`/projects/${projectId}/cases`);
	await expect(sara.getByRole('link', { name: 'P8F-3JV' })).toBeVisible();
	await expect(sara.getByRole('link', { name: 'H7Q-2MX' })).toHaveCount(0);

	// A partner editor has no case area at all.
	const marco = await personInNewContext(browser, 'editorAi');
	await marco.goto(`/projects/${projectId}`);
	await expect(marco.getByRole('navigation', { name: 'Sezioni del progetto' })).toBeVisible();
	await expect(marco.getByRole('link', { name: 'Percorsi' })).toHaveCount(0);
	expect(await open(marco, `/projects/${projectId}/cases`)).toBe(403);
	expect(await open(marco, casePath)).toBe(403);
	await expect(marco.locator('main')).not.toContainText('Benali');

	// Someone of another project does not learn that the project or the record exist.
	const roberta = await personInNewContext(browser, 'winWinCoordinator');
	expect(await open(roberta, casePath)).toBe(404);

	// The coordinator follows the path by pseudonym: no identity, notes withheld.
	const giulia = await personInNewContext(browser, 'coordinator');
	expect(await open(giulia, casePath)).toBe(200);
	await expect(giulia.getByRole('heading', { name: 'H7Q-2MX', level: 1 })).toBeVisible();
	await expect(giulia.getByText('In tirocinio').first()).toBeVisible();
	await expect(giulia.locator('main')).not.toContainText('Benali');
	await expect(giulia.locator('main')).not.toContainText('Tutoraggio mensile (5 ore)');
	await expect(giulia.getByText('nota riservata').first()).toBeVisible();
	await expect(giulia.getByRole('button', { name: 'Aggiungi al diario' })).toHaveCount(0);
	await expectNoSeriousA11yViolations(giulia);
});

test('an operator opens a record, is told what is wrong in the form, and writes in the log', async ({
	browser
}) => {
	const luca = await personInNewContext(browser, 'caseOperator');
	const projectId = await openDemoProject(luca);
	await luca.goto(`/projects/${projectId}/cases`);
	await luca.getByRole('link', { name: 'Nuovo percorso' }).click();
	await expect(luca).toHaveURL(/\/cases\/new$/);

	const name = `Persona Inventata ${stamp}`;
	await luca.getByLabel('Nome e cognome').fill(name);
	await luca.getByLabel('Codice fiscale').fill('RSSMRA85T10A562X');
	await luca.getByRole('button', { name: 'Apri il percorso' }).click();
	const fiscalCode = luca.getByLabel('Codice fiscale');
	await expect(fiscalCode).toHaveAttribute('aria-invalid', 'true');
	await expect(luca.locator('#field-fiscalCode-error')).toHaveText(/codice fiscale non è valido/);
	await expect(fiscalCode).toHaveAttribute('aria-describedby', /field-fiscalCode-error/);
	// What was typed comes back.
	await expect(luca.getByLabel('Nome e cognome')).toHaveValue(name);
	await expectNoSeriousA11yViolations(luca);

	await fiscalCode.fill('rssmra85t10a562s');
	await luca.getByRole('button', { name: 'Apri il percorso' }).click();
	await expect(luca).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
	await expect(luca.getByTestId('case-full-name')).toHaveText(name);
	await expect(luca.getByText('RSSMRA85T10A562S')).toBeVisible();
	const pseudonym = (await luca.getByRole('heading', { level: 1 }).textContent())!.trim();
	expect(pseudonym).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}$/);

	await luca.getByLabel('Tipo di evento').selectOption('intake');
	await luca.getByLabel('Livello del colloquio').selectOption('first');
	await luca.getByLabel('Nota').fill(`Primo colloquio ${stamp}`);
	await luca.getByLabel('Nuovo stato del percorso').selectOption('intake');
	await luca.getByRole('button', { name: 'Aggiungi al diario' }).click();
	await expect(luca.getByRole('status')).toHaveText('Evento aggiunto al diario.');
	await expect(luca.getByText(`Primo colloquio ${stamp}`)).toBeVisible();
	await expect(luca.locator('dl').first()).toContainText('Presa in carico');

	// A misspelt name is corrected in place; a bad e-mail is pointed at its field.
	await luca.getByText('Correggi i dati identificativi').click();
	const correction = luca.locator('form[action="?/identity"]');
	await correction.getByLabel('E-mail').fill('non-una-email');
	await correction.getByRole('button', { name: 'Salva i dati identificativi' }).click();
	await expect(correction.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true');
	await expect(luca.locator('form[action="?/event"] [role="alert"]')).toHaveCount(0);
	await correction.getByLabel('Nome e cognome').fill(`${name} Corretta`);
	await correction.getByLabel('E-mail').fill('');
	await correction.getByRole('button', { name: 'Salva i dati identificativi' }).click();
	await expect(luca.getByTestId('case-full-name')).toHaveText(`${name} Corretta`);
	await expectNoSeriousA11yViolations(luca);

	await luca.goto(`/projects/${projectId}/cases`);
	const row = luca.getByRole('row').filter({ hasText: pseudonym });
	await expect(row).toContainText('Presa in carico');
	await expect(luca.getByRole('table')).not.toContainText(name);
});
