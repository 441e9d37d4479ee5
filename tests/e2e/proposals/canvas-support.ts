import { expect, type Locator, type Page } from '@playwright/test';
import { openDemoProject } from '../support/session';

export const unique = (label: string) => `${label} ${Math.random().toString(36).slice(2, 8)}`;

/** As a coordinator: publishes a call on the ten-point template and creates a proposal from it. */
export async function createProposal(page: Page, title = unique('Proposta e2e')): Promise<string> {
	const projectId = await openDemoProject(page);
	await page.goto(`/projects/${projectId}/calls`);
	await page.getByLabel("Titolo dell'avviso").fill(unique('Avviso e2e'));
	await page.getByLabel('Oggetto').fill('Servizio di inclusione lavorativa');
	await page
		.getByLabel('Schema della proposta')
		.selectOption({ label: 'Proposta progettuale – schema in dieci punti' });
	await page.getByRole('button', { name: "Pubblica l'avviso" }).click();
	await expect(page).toHaveURL(/\/calls\/[0-9a-f-]{36}$/);
	await page.getByLabel('Titolo della proposta').fill(title);
	await page.getByRole('button', { name: 'Crea la proposta' }).click();
	await expect(page).toHaveURL(/\/proposals\/[0-9a-f-]{36}$/);
	return page.url();
}

/** The canvas once every live document is connected and synced. */
export async function openCanvas(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await expect(page.locator('article[data-section-number] .live-editor-content')).toHaveCount(10);
	await expect(page.locator('.live-editor .loading')).toHaveCount(0, { timeout: 30_000 });
	await expect(page.getByTestId('canvas-connection')).toHaveText(/Connesso/);
}

export function section(page: Page, number: string): Locator {
	return page.locator(`article[data-section-number="${number}"]`);
}

export function sectionEditor(page: Page, number: string): Locator {
	return section(page, number).locator('.live-editor-content');
}

export async function typeAtEnd(page: Page, editor: Locator, text: string): Promise<void> {
	await editor.click();
	await page.keyboard.press('Control+End');
	await page.keyboard.type(text);
}
