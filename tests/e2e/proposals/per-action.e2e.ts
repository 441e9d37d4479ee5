import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { demoPerson } from '../support/demo-people';
import { openDemoProject, personInNewContext } from '../support/session';
import { docxText, inOrder } from '../../support/export-text';
import { section, typeAtEnd, unique } from './canvas-support';

/**
 * Issue 14, ADR 0198/0207: a section filled per action has one text per action block, and each
 * has what a section's text has on the canvas — the counter against the limit, suggestions
 * from partners who may only suggest, accepted by whoever may write — and the DOCX carries
 * each text under its action.
 */
const template = (name: string) =>
	[
		`name: ${name}`,
		'sections:',
		'  - number: 1',
		'    title: Analisi del contesto',
		'  - number: 2',
		'    title: Destinatari dell’azione',
		'    perAction: each',
		'    limitChars: 500',
		"    limitLabel: 'max 500 car.'",
		'  - number: 5',
		'    title: Descrizione delle azioni',
		'    kind: actions',
		''
	].join('\n');

async function noHorizontalOverflow(page: Page) {
	for (const width of [1280, 390, 320]) {
		await page.setViewportSize({ width, height: 900 });
		await expect
			.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), {
				message: `no horizontal overflow at ${width} px`
			})
			.toBeLessThanOrEqual(0);
	}
	await page.setViewportSize({ width: 1280, height: 900 });
}

/** The canvas of this three-section proposal once its live documents are in step. */
async function openThisCanvas(page: Page, url: string, editors: number) {
	await page.goto(url);
	// Per-action editors come once the action blocks' document is in: on a loaded machine, late.
	await expect(page.locator('article[data-section-number] .live-editor-content')).toHaveCount(
		editors,
		{ timeout: 60_000 }
	);
	await expect(page.locator('.live-editor .loading')).toHaveCount(0, { timeout: 30_000 });
	await expect(page.getByTestId('canvas-connection')).toHaveText(/Connesso/);
}

test('per-action texts: written, counted, suggested and accepted, exported under each action', async ({
	browser
}) => {
	test.setTimeout(480_000);
	const giulia = await personInNewContext(browser, 'coordinator');
	const projectId = await openDemoProject(giulia);
	const name = unique('Schema per azione');
	await giulia.goto(`/projects/${projectId}/calls/templates`);
	await giulia.getByLabel('Testo dello schema').fill(template(name));
	await giulia.getByRole('button', { name: 'Importa', exact: true }).click();
	await expect(giulia.getByRole('status')).toContainText(name);

	await giulia.goto(`/projects/${projectId}/calls`);
	await giulia.getByLabel("Titolo dell'avviso").fill(unique('Avviso per azione'));
	await giulia.getByLabel('Oggetto').fill('Percorsi di inclusione attiva');
	await giulia.getByLabel('Schema della proposta').selectOption({ label: `${name} (importato)` });
	await giulia.getByRole('button', { name: "Pubblica l'avviso" }).click();
	await expect(giulia).toHaveURL(/\/calls\/[0-9a-f-]{36}$/);
	await giulia.getByLabel('Titolo della proposta').fill(unique('Proposta per azione'));
	await giulia.getByRole('button', { name: 'Crea la proposta' }).click();
	await expect(giulia).toHaveURL(/\/proposals\/[0-9a-f-]{36}$/);
	const url = giulia.url();
	// §1's text and the actions section's; §2 has none of its own.
	await openThisCanvas(giulia, url, 2);

	const actions = section(giulia, '5');
	const add = actions.getByRole('button', { name: "Aggiungi un'azione" });
	await add.click();
	await add.click();
	const blocks = actions.locator('fieldset.block');
	await blocks.nth(0).getByLabel('Titolo', { exact: true }).fill('Attività 1 Governance');
	await blocks.nth(1).getByLabel('Titolo', { exact: true }).fill('Attività 2 Orientamento');

	const perAction = section(giulia, '2').locator('[data-action-id]');
	await expect(perAction).toHaveCount(2);
	await expect(perAction.nth(0).locator('.action-title')).toHaveText(
		'Azione 1: Attività 1 Governance'
	);
	const first = 'Cabina di regia e gruppo di co-progettazione';
	const second = 'Adolescenti e giovani in situazione di disagio sociale';
	await typeAtEnd(giulia, perAction.nth(0).locator('.live-editor-content'), first);
	await typeAtEnd(giulia, perAction.nth(1).locator('.live-editor-content'), second);
	// Each text has its own counter, against the section's limit.
	await expect(perAction.nth(0).getByTestId('length-counter')).toContainText(
		`${first.length} di 500`
	);
	await expect(perAction.nth(1).getByTestId('length-counter')).toContainText(
		`${second.length} di 500`
	);
	await expect(perAction.nth(0).getByTestId('length-counter')).toContainText('max 500 car.');

	// Elena's organisation does not own §2: her words in action 2's text are suggestions.
	const elena = await personInNewContext(browser, 'editorGrandeCasa');
	await openThisCanvas(elena, url, 4);
	const hers = section(elena, '2').locator('[data-action-id]').nth(1);
	await expect(hers.getByText(/le tue modifiche diventano proposte/)).toBeVisible();
	await expect(hers.locator('.live-editor-content')).toContainText(second);
	await typeAtEnd(elena, hers.locator('.live-editor-content'), ' e NEET');
	await expect(hers.locator('ins.suggestion-ins')).toContainText('e NEET');
	await expectNoSeriousA11yViolations(elena);

	const seen = perAction.nth(1).locator('ins.suggestion-ins');
	await expect(seen.first()).toHaveAttribute('data-author', demoPerson('editorGrandeCasa').name);
	await perAction.nth(1).getByRole('button', { name: 'Accetta', exact: true }).first().click();
	await expect(perAction.nth(1).locator('ins.suggestion-ins')).toHaveCount(0);
	await expect(perAction.nth(1).locator('.live-editor-content')).toContainText(`${second} e NEET`);
	await expect(hers.locator('ins.suggestion-ins')).toHaveCount(0);
	await expect(hers.locator('.live-editor-content')).toContainText(`${second} e NEET`);
	await elena.context().close();

	await expectNoSeriousA11yViolations(giulia);
	await noHorizontalOverflow(giulia);

	// A witness in step with the server: what it shows is stored, so the export can read it.
	const witness = await personInNewContext(browser, 'coordinator');
	await openThisCanvas(witness, url, 4);
	await expect(section(witness, '2').locator('[data-action-id]').nth(1)).toContainText(
		`${second} e NEET`
	);
	await witness.context().close();

	const download = giulia.waitForEvent('download');
	await giulia.getByRole('link', { name: 'Scarica DOCX' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/\.docx$/);
	const path = await file.path();
	const { readFile } = await import('node:fs/promises');
	const text = docxText(new Uint8Array(await readFile(path)));
	expect(
		inOrder(text, [
			'Azione 1: Attività 1 Governance',
			'Destinatari dell’azione',
			first,
			'Azione 2: Attività 2 Orientamento',
			'Destinatari dell’azione',
			`${second} e NEET`
		])
	).toBe(true);
	await giulia.context().close();
});
