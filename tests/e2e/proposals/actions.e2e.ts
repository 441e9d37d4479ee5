import { expect, test } from '@playwright/test';
import { personInNewContext } from '../support/session';
import { createProposal, openCanvas, section } from './canvas-support';

test('an action block edited by one person updates the derived views for another, live', async ({
	browser
}) => {
	const giulia = await personInNewContext(browser, 'coordinator');
	const url = await createProposal(giulia);
	const marco = await personInNewContext(browser, 'editorAi');
	await openCanvas(giulia, url);
	await openCanvas(marco, url);
	const actions = section(giulia, '5');
	const seen = section(marco, '5');
	// Marco does not own section 5: he reads the blocks but cannot change them.
	await expect(
		seen.getByText('Solo i responsabili della sezione possono modificare le azioni.')
	).toBeVisible();

	await actions.getByRole('button', { name: "Aggiungi un'azione" }).click();
	const block = actions.locator('fieldset.block').first();
	await block.getByLabel('Titolo', { exact: true }).fill('Orientamento individuale');
	await block.getByLabel('Area').selectOption({ label: 'Area formativa e orientativa' });
	await block.getByRole('checkbox', { name: 'Mese 2', exact: true }).check();
	await block.getByRole('checkbox', { name: 'Mese 3', exact: true }).check();
	await block.getByRole('button', { name: 'Aggiungi un partner al budget' }).click();
	await block.getByLabel('Contributo pubblico (€)').fill('1.234,50');
	await block.getByLabel('Contributo pubblico (€)').blur();

	const crono = seen.getByRole('table', { name: /Cronoprogramma/ });
	const row = crono.getByRole('row', { name: /Orientamento individuale/ });
	await expect(row).toBeVisible();
	// Months 2 and 3 are marked, month 1 is not.
	await expect(row.getByRole('cell').nth(1)).toContainText('sì');
	await expect(row.getByRole('cell').nth(2)).toContainText('sì');
	await expect(row.getByRole('cell').nth(0)).toHaveText('');
	await expect(seen.getByText(/Totale 1\.234,50\s€/)).toBeVisible();
	await expect(
		seen.locator('fieldset.block').first().getByLabel('Titolo', { exact: true })
	).toBeDisabled();
	await giulia.context().close();
	await marco.context().close();
});
