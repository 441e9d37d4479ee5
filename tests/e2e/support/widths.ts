import { expect, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';

/**
 * A task walked once at desktop width, its pages checked at phone widths too: at each step it
 * checks, the page is laid out again at each width (reflow is layout, so resizing the open page
 * asks what loading it at that width would), with axe, no sideways scroll, and the controls the
 * person uses next within reach there. What the task does is the same at every width; walking it
 * again per width proved nothing more than these checks, at several times the cost.
 */
export const DESKTOP = 1280;

/** axe's serious violations and (unless `overflow` is false) sideways scroll, on the page now. */
export async function checkPage(page: Page, overflow = true): Promise<void> {
	await expectNoSeriousA11yViolations(page);
	if (!overflow) return;
	// Polled: a layout that answers the width with a script settles a frame after a resize.
	await expect
		.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), {
			message: `sideways overflow on ${page.url()} at ${page.viewportSize()?.width} px`
		})
		.toBeLessThanOrEqual(0);
}

/** Two frames: what answers a resize (media queries, resize handlers) has run. */
async function painted(page: Page): Promise<void> {
	await page.evaluate(
		() =>
			new Promise<void>((resolve) =>
				requestAnimationFrame(() => requestAnimationFrame(() => resolve()))
			)
	);
}

/**
 * The page as it is now, at each width: `checkPage` (unless `axe` is false), every control the
 * person uses next within reach (Playwright's checks before a click: attached, visible, steady,
 * enabled and not covered by anything; nothing is clicked), and what they read (`visible`) in
 * view. Back to the page's own size after.
 */
export async function checkWidths(
	page: Page,
	widths: readonly number[],
	{
		controls = [],
		visible = [],
		axe = true,
		overflow = true
	}: { controls?: Locator[]; visible?: Locator[]; axe?: boolean; overflow?: boolean } = {}
): Promise<void> {
	const size = page.viewportSize() ?? { width: DESKTOP, height: 900 };
	for (const width of widths) {
		await page.setViewportSize({ width, height: size.height });
		await painted(page);
		if (axe) await checkPage(page, overflow);
		for (const control of controls) await control.click({ trial: true });
		for (const shown of visible) await expect(shown).toBeVisible();
	}
	await page.setViewportSize(size);
	await painted(page);
}
