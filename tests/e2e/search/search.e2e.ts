import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { signIn } from '../support/session';

/**
 * One search box across a person's projects (issue 13): from the header, Italian stems and word
 * beginnings, narrowed by kind, each hit a link to where the text lives; never a case record.
 */
for (const width of [1280, 390] as const) {
	test.describe(`at ${width} px`, () => {
		test.use({ viewport: { width, height: 800 } });

		test('a steering member finds the decisions on internships from the header', async ({
			page
		}) => {
			await signIn(page, 'steeringSole');
			const header = page.getByRole('search').filter({ has: page.getByLabel('Cerca in Tavolo') });
			await header.getByLabel('Cerca in Tavolo').fill('tirocinio');
			await header.getByLabel('Cerca in Tavolo').press('Enter');
			await expect(page).toHaveURL(/\/search\?q=tirocinio/);
			// The singular finds the plural «tirocini» of the decisions: Italian stemming.
			await expect(page.getByRole('status')).toContainText('risultati');
			const hits = page.getByTestId('search-hits');
			await expect(hits.getByRole('link', { name: /Attivare 40 tirocini/ })).toBeVisible();
			await expect(hits.locator('mark').first()).toBeVisible();
			await expectNoSeriousA11yViolations(page);

			await page.getByLabel('Tipo').selectOption({ label: 'Decisione' });
			await page.getByRole('button', { name: 'Cerca', exact: true }).last().click();
			await expect(page).toHaveURL(/kind=decision/);
			const badges = await hits.locator('.badge').allTextContents();
			expect(badges.length).toBeGreaterThan(0);
			expect(new Set(badges)).toEqual(new Set(['Decisione']));

			await hits.getByRole('link', { name: /Attivare 40 tirocini/ }).click();
			await expect(page).toHaveURL(/\/governance\/decisions\/[0-9a-f-]{36}$/);
			await expect(page.getByRole('heading', { level: 1 })).toContainText('Attivare 40 tirocini');
		});

		test('a word beginning finds the whole word; nothing found is said in words', async ({
			page
		}) => {
			await signIn(page, 'observer');
			await page.goto('/search?q=sportell');
			await expect(page.getByTestId('search-hits')).toContainText(/sportell[oi]/i);
			await page.getByLabel('Parole da cercare').fill('zzqxj');
			await page.getByLabel('Parole da cercare').press('Enter');
			await expect(page.getByRole('status')).toHaveText('Nessun risultato per «zzqxj».');
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - window.innerWidth
			);
			expect(overflow).toBeLessThanOrEqual(0);
		});
	});
}
