import { expect, test } from '@playwright/test';
import { openDemoProject, signIn } from '../support/session';
import { checkWidths, DESKTOP } from '../support/widths';

/**
 * The budget split, walked at desktop width; each page it checks is laid out at phone width
 * too, with axe and the controls used next within reach there (support/widths.ts).
 */
const WIDTHS = [DESKTOP, 390];

test.describe('budget split at 1280 and 390 px', () => {
	test.use({ viewport: { width: DESKTOP, height: 900 } });

	test('the coordinator sets the public share and reads it by territory and partner', async ({
		page
	}) => {
		await signIn(page, 'coordinator');
		const projectId = await openDemoProject(page);
		await page.goto(`/projects/${projectId}/partnership`);
		const budget = page.getByRole('link', {
			name: 'Ripartizione del budget per territorio e partner'
		});
		await checkWidths(page, WIDTHS.slice(1), { controls: [budget], axe: false });
		await budget.click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Ripartizione del budget' })
		).toBeVisible();
		const amount = page.getByLabel('Quota pubblica da ripartire (euro)');
		const ages = page.getByLabel("Fascia d'età del target");
		const save = page.getByRole('button', { name: 'Salva' }).first();
		await checkWidths(page, WIDTHS.slice(1), { controls: [amount, ages, save], axe: false });
		await amount.fill('1.000.000,00');
		await ages.selectOption({ label: 'Popolazione 13–28 anni al 2019-01-01' });
		await save.click();
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
		const download = await page.request.get(`/projects/${projectId}/partnership/budget/budget.csv`);
		expect(download.status()).toBe(200);
		expect(await download.text()).toContain('TOTALE PROGETTO;;;1000000;');
		// Reflows at both widths: nothing wider than the window (wide tables scroll inside their
		// own box); axe at both.
		await checkWidths(page, WIDTHS);
	});

	test('a wrong amount comes back with a translated error and the text kept', async ({ page }) => {
		await signIn(page, 'coordinator');
		const projectId = await openDemoProject(page);
		await page.goto(`/projects/${projectId}/partnership/budget`);
		const amount = page.getByLabel('Quota pubblica da ripartire (euro)');
		const save = page.getByRole('button', { name: 'Salva' }).first();
		await checkWidths(page, WIDTHS.slice(1), { controls: [amount, save], axe: false });
		await amount.fill('mille euro');
		await save.click();
		await expect(page.getByText('Scrivi un importo in euro, per esempio 1.234,56.')).toBeVisible();
		await expect(amount).toHaveValue('mille euro');
		await checkWidths(page, WIDTHS, { controls: [amount, save] });
	});
});
