import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { personInNewContext } from '../support/session';
import { createProposal, openCanvas, section, sectionEditor } from './canvas-support';

const LEAD = 'Azienda Sociale – Azienda Speciale per i Servizi alla Persona del Castanese';

test('the coordinator inserts a table of network actors into "altri soggetti della rete"', async ({
	browser
}) => {
	const page = await personInNewContext(browser, 'coordinator');
	const url = await createProposal(page);
	await openCanvas(page, url);
	const editor = sectionEditor(page, '8');
	await editor.click();
	await section(page, '8').getByRole('button', { name: 'Soggetti della rete…' }).click();

	const dialog = section(page, '8').getByRole('dialog', {
		name: 'Inserisci una tabella di soggetti della rete'
	});
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('checkbox').first()).toBeVisible();
	await expectNoSeriousA11yViolations(page);

	await dialog.getByLabel('Ruolo').selectOption({ label: 'Capofila' });
	await expect(dialog.getByRole('checkbox')).toHaveCount(1);
	await dialog.getByRole('checkbox').check();
	await dialog.getByRole('button', { name: 'Inserisci la tabella (1)' }).click();
	await expect(dialog).toBeHidden();

	const table = editor.locator('table');
	await expect(table).toHaveCount(1);
	await expect(table.locator('th')).toHaveText([
		'Soggetto',
		'Tipologia',
		'Ruolo nel progetto',
		'Territorio'
	]);
	await expect(table.locator('tr').nth(1)).toContainText(LEAD);
	await expect(table.locator('tr').nth(1)).toContainText('Capofila');

	// It is in the shared document: a fresh load shows it.
	await openCanvas(page, url);
	await expect(sectionEditor(page, '8').locator('table')).toContainText(LEAD);
	await page.context().close();
});
