import { expect, type Page } from '@playwright/test';

/**
 * Waits for what a page does after it loads, by the events that show it, not by a clock: the
 * app has hydrated (the root layout marks `<html data-hydrated>`), every live editor's
 * connection has concluded and its document loaded, every image has loaded or failed (so an
 * `onerror` payload had its turn), and the browser has painted twice since (handlers queued by
 * all of that have run).
 */
export async function settled(page: Page): Promise<void> {
	await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
	// Every live document's connection has concluded (connected, or refused: never still trying).
	await expect(page.locator('.connection[data-status="connecting"]')).toHaveCount(0);
	await expect(page.locator('.live-editor .loading')).toHaveCount(0);
	await page.waitForFunction(() => [...document.images].every((image) => image.complete));
	await page.evaluate(
		() =>
			new Promise<void>((resolve) =>
				requestAnimationFrame(() => requestAnimationFrame(() => resolve()))
			)
	);
}
