import { expect, type Locator, type Page } from '@playwright/test';

/** The shared-notes editor on a project home, once connected and synced. */
export async function liveNotes(page: Page): Promise<Locator> {
	const editor = page.locator('.live-editor-content');
	await expect(page.getByTestId('connection-status')).toHaveText(/Connesso|Connected/);
	await expect(page.locator('.live-editor .loading')).toHaveCount(0);
	return editor;
}

/** Types at the end of the document, on a new paragraph. */
export async function typeAtEnd(page: Page, editor: Locator, text: string): Promise<void> {
	await editor.click();
	await page.keyboard.press('Control+End');
	await page.keyboard.press('Enter');
	await page.keyboard.type(text);
}
