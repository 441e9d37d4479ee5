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

test('action blocks: targets from the register, a budget per action, reordered by keyboard, live', async ({
	browser
}) => {
	const giulia = await personInNewContext(browser, 'coordinator');
	const url = await createProposal(giulia);
	const marco = await personInNewContext(browser, 'editorAi');
	await openCanvas(giulia, url);
	await openCanvas(marco, url);
	const actions = section(giulia, '5');
	const seen = section(marco, '5');
	const add = actions.getByRole('button', { name: "Aggiungi un'azione" });
	await add.click();
	await add.click();
	const blocks = actions.locator('fieldset.block');
	await blocks.nth(0).getByLabel('Titolo', { exact: true }).fill('Prima azione');
	await blocks.nth(1).getByLabel('Titolo', { exact: true }).fill('Seconda azione');
	// The project's own areas (governance is not one of 001's four) and its targets, as listed.
	await blocks.nth(1).getByLabel('Area').selectOption({ label: 'Governance' });
	const target = 'Neo-genitori (non percettori di RdC)';
	await blocks.nth(1).getByRole('checkbox', { name: target }).check();
	await blocks.nth(1).getByRole('button', { name: 'Aggiungi un partner al budget' }).click();
	await blocks.nth(1).getByLabel('Contributo pubblico (€)').fill('2.000,50');
	await blocks.nth(1).getByLabel('Cofinanziamento (€)').fill('100');
	await blocks.nth(1).getByLabel('Cofinanziamento (€)').blur();
	await expect(blocks.nth(1).getByTestId('action-budget')).toHaveText(
		/Budget dell’azione: 2\.100,50\s€ \(pubblico 2\.000,50\s€, cofinanziamento 100,00\s€\)/
	);

	const seenBlocks = seen.locator('fieldset.block');
	await expect(seenBlocks.nth(1).getByRole('checkbox', { name: target })).toBeChecked();
	await expect(seenBlocks.nth(1).getByLabel('Area')).toHaveValue('governance');

	// Keyboard only: focus "move up" on the second block and press Enter.
	const up = blocks.nth(1).getByRole('button', { name: 'Sposta su «Seconda azione»' });
	await up.focus();
	await giulia.keyboard.press('Enter');
	await expect(blocks.nth(0).getByLabel('Titolo', { exact: true })).toHaveValue('Seconda azione');
	await expect(
		actions.getByRole('status').filter({ hasText: 'è ora l’azione 1 di 2' })
	).toHaveCount(1);
	// Focus stays with the moved block (its "move up" is now disabled: its twin holds it).
	await expect(
		blocks.nth(0).getByRole('button', { name: 'Sposta giù «Seconda azione»' })
	).toBeFocused();
	// Marco's canvas follows without a reload, and the block kept its fields.
	await expect(seenBlocks.nth(0).getByLabel('Titolo', { exact: true })).toHaveValue(
		'Seconda azione'
	);
	await expect(seenBlocks.nth(0).getByRole('checkbox', { name: target })).toBeChecked();
	await expect(seenBlocks.nth(1).getByLabel('Titolo', { exact: true })).toHaveValue('Prima azione');
	await giulia.context().close();
	await marco.context().close();
});
