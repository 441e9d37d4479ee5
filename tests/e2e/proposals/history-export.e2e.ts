import { expect, test } from '@playwright/test';
import { personInNewContext } from '../support/session';
import {
	createProposal,
	openCanvas,
	section,
	sectionEditor,
	typeAtEnd,
	unique
} from './canvas-support';

test('a template with a duplicate section number is refused with the reason', async ({
	browser
}) => {
	const giulia = await personInNewContext(browser, 'coordinator');
	const url = await createProposal(giulia);
	const projectPath = new URL(url).pathname.split('/proposals/')[0];
	await giulia.goto(`${projectPath}/calls/templates`);
	await giulia
		.getByLabel('Testo dello schema')
		.fill(
			'name: Schema doppio\nsections:\n  - number: 1\n    title: Uno\n  - number: 1\n    title: Ancora uno\n'
		);
	await giulia.getByRole('button', { name: 'Importa', exact: true }).click();
	await expect(giulia.getByRole('alert')).toBeVisible();
	await expect(giulia.locator('#template-issues')).toContainText('sections.1.number');
	// What was typed is still there, to be fixed rather than retyped.
	await expect(giulia.getByLabel('Testo dello schema')).toHaveValue(/Ancora uno/);

	await giulia
		.getByLabel('Testo dello schema')
		.fill('name: Schema breve\nsections:\n  - number: 1\n    title: Uno\n    limitPages: 1\n');
	await giulia.getByRole('button', { name: 'Importa', exact: true }).click();
	await expect(giulia.getByRole('status')).toContainText('Schema breve');
	await giulia.context().close();
});

test('versions: save, compare with now, restore as a new change; export shows progress', async ({
	browser
}) => {
	const giulia = await personInNewContext(browser, 'coordinator');
	const url = await createProposal(giulia);
	await openCanvas(giulia, url);
	const first = unique('Prima stesura');
	await typeAtEnd(giulia, sectionEditor(giulia, '1'), first);
	await expect(section(giulia, '1').getByTestId('length-counter')).toContainText(
		String(first.length)
	);

	await giulia.goto(`${url}/history`);
	const name = unique('Inviata al tavolo');
	await giulia.getByLabel('Nome della versione').fill(name);
	await giulia.getByRole('button', { name: 'Salva la versione' }).click();
	await expect(giulia.getByRole('row', { name: new RegExp(name) })).toBeVisible();

	await openCanvas(giulia, url);
	const later = unique('Aggiunta dopo');
	await typeAtEnd(giulia, sectionEditor(giulia, '1'), ` ${later}`);
	// The server relays a keystroke only once it is stored: when another of Giulia's browsers
	// shows the whole text, the server holds it, and the history can compare against it.
	const witness = await personInNewContext(browser, 'coordinator');
	await openCanvas(witness, url);
	await expect(sectionEditor(witness, '1')).toContainText(later);
	await witness.context().close();

	await giulia.goto(`${url}/history`);
	const row = giulia.getByRole('row', { name: new RegExp(name) });
	await row.getByRole('link', { name: 'Confronta con il testo attuale' }).click();
	await expect(giulia.locator('.changes ins')).toContainText(later.split(' ')[0]);

	await giulia
		.getByRole('row', { name: new RegExp(name) })
		.getByRole('button', { name: 'Ripristina' })
		.click();
	await expect(giulia.getByRole('status').filter({ hasText: 'ripristinata' })).toBeVisible();
	await openCanvas(giulia, url);
	await expect(sectionEditor(giulia, '1')).toContainText(first);
	await expect(sectionEditor(giulia, '1')).not.toContainText(later);

	const download = giulia.waitForEvent('download');
	await giulia.getByRole('link', { name: 'Scarica DOCX' }).click();
	await expect(giulia.getByTestId('export-progress')).not.toBeEmpty();
	expect((await download).suggestedFilename()).toMatch(/\.docx$/);
	await giulia.context().close();
});
