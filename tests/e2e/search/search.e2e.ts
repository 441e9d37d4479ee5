import { expect, test } from '@playwright/test';
import { signIn } from '../support/session';
import { checkWidths, DESKTOP } from '../support/widths';

/**
 * One search box across a person's projects (issue 13): from the header, Italian stems and word
 * beginnings, narrowed by kind, each hit a link to where the text lives; never a case record.
 * Walked at desktop width; each page it checks is laid out at phone width too, with the controls
 * used next within reach there (support/widths.ts).
 */
const WIDTHS = [DESKTOP, 390];

test.describe('at 1280 and 390 px', () => {
	test.use({ viewport: { width: DESKTOP, height: 800 } });

	test('a steering member finds the decisions on internships from the header', async ({ page }) => {
		await signIn(page, 'steeringSole');
		const header = page.getByRole('search').filter({ has: page.getByLabel('Cerca in Tavolo') });
		const box = header.getByLabel('Cerca in Tavolo');
		await checkWidths(page, WIDTHS.slice(1), { controls: [box], axe: false });
		await box.fill('tirocinio');
		await box.press('Enter');
		await expect(page).toHaveURL(/\/search\?q=tirocinio/);
		// The singular finds the plural «tirocini» of the decisions: Italian stemming.
		await expect(page.getByRole('status')).toContainText('risultati');
		const hits = page.getByTestId('search-hits');
		const decision = hits.getByRole('link', { name: /Attivare 40 tirocini/ });
		await expect(decision).toBeVisible();
		await expect(hits.locator('mark').first()).toBeVisible();
		const kind = page.getByLabel('Tipo');
		const search = page.getByRole('button', { name: 'Cerca', exact: true }).last();
		await checkWidths(page, WIDTHS, {
			controls: [decision, kind, search],
			visible: [hits.locator('mark').first()]
		});

		await kind.selectOption({ label: 'Decisione' });
		await search.click();
		await expect(page).toHaveURL(/kind=decision/);
		const badges = await hits.locator('.badge').allTextContents();
		expect(badges.length).toBeGreaterThan(0);
		expect(new Set(badges)).toEqual(new Set(['Decisione']));

		await checkWidths(page, WIDTHS.slice(1), { controls: [decision], axe: false });
		await decision.click();
		await expect(page).toHaveURL(/\/governance\/decisions\/[0-9a-f-]{36}$/);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Attivare 40 tirocini');
	});

	test('a word beginning finds the whole word; nothing found is said in words', async ({
		page
	}) => {
		await signIn(page, 'observer');
		await page.goto('/search?q=sportell');
		await expect(page.getByTestId('search-hits')).toContainText(/sportell[oi]/i);
		const words = page.getByLabel('Parole da cercare');
		await checkWidths(page, WIDTHS.slice(1), { controls: [words], axe: false });
		await words.fill('zzqxj');
		await words.press('Enter');
		await expect(page.getByRole('status')).toHaveText('Nessun risultato per «zzqxj».');
		for (const width of WIDTHS) {
			await page.setViewportSize({ width, height: 800 });
			await expect
				.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), {
					message: `sideways overflow at ${width} px`
				})
				.toBeLessThanOrEqual(0);
		}
	});
});
