import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { openDemoProject, signIn } from '../support/session';

for (const width of [1280, 390]) {
	test.describe(`budget split at ${width} px`, () => {
		test.use({ viewport: { width, height: 900 } });

		test('the coordinator sets the public share and reads it by territory and partner', async ({
			page
		}) => {
			await signIn(page, 'coordinator');
			const projectId = await openDemoProject(page);
			await page.goto(`/projects/${projectId}/partnership`);
			await page
				.getByRole('link', { name: 'Ripartizione del budget per territorio e partner' })
				.click();
			await expect(
				page.getByRole('heading', { level: 1, name: 'Ripartizione del budget' })
			).toBeVisible();
			await page.getByLabel('Quota pubblica da ripartire (euro)').fill('1.000.000,00');
			await page
				.getByLabel("Fascia d'età del target")
				.selectOption({ label: 'Popolazione 13–28 anni al 2019-01-01' });
			await page.getByRole('button', { name: 'Salva' }).first().click();
			await expect(page.getByRole('status')).toContainText('Budget salvato.');
			const territories = page.getByRole('table', { name: 'Budget per territorio' });
			await expect(territories.getByRole('row', { name: /Ambito Alto Milanese/ })).toContainText(
				'469.537,03'
			);
			await expect(territories.getByRole('row', { name: /Magentino/ })).toContainText('322.899,18');
			await expect(page.getByTestId('budget-chart').locator('svg').first()).toBeAttached();
			await expect(page.getByRole('table', { name: 'Budget per partner' })).toContainText(
				'Servizi alla Persona Abbiatense'
			);
			const download = await page.request.get(
				`/projects/${projectId}/partnership/budget/budget.csv`
			);
			expect(download.status()).toBe(200);
			expect(await download.text()).toContain('TOTALE PROGETTO;;;1000000;');
			// Reflows: nothing wider than the window (wide tables scroll inside their own box).
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - window.innerWidth
			);
			expect(overflow).toBeLessThanOrEqual(0);
			await expectNoSeriousA11yViolations(page);
		});

		test('a wrong amount comes back with a translated error and the text kept', async ({
			page
		}) => {
			await signIn(page, 'coordinator');
			const projectId = await openDemoProject(page);
			await page.goto(`/projects/${projectId}/partnership/budget`);
			const amount = page.getByLabel('Quota pubblica da ripartire (euro)');
			await amount.fill('mille euro');
			await page.getByRole('button', { name: 'Salva' }).first().click();
			await expect(
				page.getByText('Scrivi un importo in euro, per esempio 1.234,56.')
			).toBeVisible();
			await expect(amount).toHaveValue('mille euro');
			await expectNoSeriousA11yViolations(page);
		});
	});
}
