import { expect, type Page } from '@playwright/test';

/**
 * What the page is still doing, by the marks that show it (`list`), or whether it is done. One
 * self-contained function, handed to the page as a function: a string would be evaluated, which
 * the app's Content Security Policy forbids.
 */
function pendingWork(list: boolean): string[] | boolean {
	const pending: string[] = [];
	// The root layout marks `<html data-hydrated>` once the app has hydrated.
	if (!document.documentElement.hasAttribute('data-hydrated')) pending.push('hydration');
	// Every live document's connection has concluded (connected, or refused: never still trying).
	if (document.querySelector('.connection[data-status="connecting"]')) {
		pending.push('a live document connecting');
	}
	if (document.querySelector('.live-editor .loading')) pending.push('a live document loading');
	if (![...document.images].every((image) => image.complete)) pending.push('an image loading');
	return list ? pending : pending.length === 0;
}

/**
 * Waits for what a page does after it loads, by the events that show it, not by a clock: the
 * app has hydrated, every live editor's connection has concluded and its document loaded, every
 * image has loaded or failed (so an `onerror` payload had its turn), and the browser has painted
 * twice since (handlers queued by all of that have run). The marks are read on every frame, so
 * the wait ends on the frame the page settles (asking for each in turn, with a retry's back-off,
 * took longer than most pages did).
 */
export async function settled(page: Page, timeout = 30_000): Promise<void> {
	try {
		await page.waitForFunction(pendingWork, false, { polling: 'raf', timeout });
	} catch (error) {
		// Timed out: say what the page was still doing.
		const pending = await page.evaluate(pendingWork, true).catch(() => [String(error)]);
		expect(pending, `${page.url()} settled`).toEqual([]);
		throw error;
	}
	await page.evaluate(
		() =>
			new Promise<void>((resolve) =>
				requestAnimationFrame(() => requestAnimationFrame(() => resolve()))
			)
	);
}
