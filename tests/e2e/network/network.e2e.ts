import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { openDemoProject, signIn } from '../support/session';

for (const width of [1280, 390]) {
	test.describe(`at ${width} px`, () => {
		test.use({ viewport: { width, height: 900 } });

		test('filters the map by a territory and an area, opens a node and sees its roles', async ({
			page
		}) => {
			const workers: string[] = [];
			page.on('worker', (worker) => workers.push(worker.url()));
			await signIn(page, 'observer');
			const projectId = await openDemoProject(page);
			await page.goto(`/projects/${projectId}/network`);
			await expect(page.getByRole('heading', { level: 1, name: 'Mappa della rete' })).toBeVisible();
			await expect(page.getByTestId('network-graph').locator('canvas').first()).toBeAttached();
			// Layout and full metrics come from the analysis worker, off the main thread.
			await expect(page.getByTestId('network-graph')).toHaveAttribute('data-layout', 'settled');
			await expect(page.locator('p.summary')).toHaveAttribute('aria-busy', 'false');
			await expect(page.locator('p.summary')).toContainText('gruppi');
			expect(workers.some((url) => url.includes('analysis.worker'))).toBe(true);
			const filters = page.getByRole('form', { name: 'Filtra la rete' });
			await filters.getByLabel('Territori').selectOption({ label: 'Ambito del Magentino' });
			await filters.getByLabel('Aree').selectOption({ label: 'Area educativa' });
			const table = page.getByRole('table', { name: 'Tabella della rete' });
			await expect(table.getByRole('button', { name: 'Il Melograno' })).toBeVisible();
			await expect(table.getByRole('button', { name: 'Promos' })).toHaveCount(0);
			await page.getByLabel("Cerca un'organizzazione").fill('Melograno');
			await page.getByRole('button', { name: 'Trova' }).click();
			const panel = page.locator('#node-panel');
			await expect(panel.getByRole('heading', { name: /Il Melograno/ })).toBeVisible();
			await expect(panel).toContainText('Partner operativo');
			await expect(panel).toContainText('Neo-genitori');
			await expectNoSeriousA11yViolations(page);
		});

		test('does the same through the table by keyboard only', async ({ page }) => {
			await signIn(page, 'observer');
			const projectId = await openDemoProject(page);
			await page.goto(`/projects/${projectId}/network`);
			const filters = page.getByRole('form', { name: 'Filtra la rete' });
			await filters.getByLabel('Territori').focus();
			await page.keyboard.press('End');
			await filters.getByLabel('Aree').focus();
			await filters.getByLabel('Aree').selectOption({ label: 'Area educativa' });
			const button = page
				.getByRole('table', { name: 'Tabella della rete' })
				.getByRole('button', { name: 'Il Melograno' });
			await button.focus();
			await page.keyboard.press('Enter');
			const panel = page.locator('#node-panel');
			await expect(panel).toBeFocused();
			await expect(panel).toContainText('Partner operativo');
			await expectNoSeriousA11yViolations(page);
		});

		test('shows the partnership matrix and the register', async ({ page }) => {
			await signIn(page, 'observer');
			const projectId = await openDemoProject(page);
			await page.goto(`/projects/${projectId}/partnership`);
			await expect(page.getByRole('table', { name: /Matrice partner/ })).toContainText(
				'Il Melograno'
			);
			await expectNoSeriousA11yViolations(page);
			await page.goto('/organisations');
			await expect(page.getByRole('table')).toContainText('Comune di Magnago');
			await expectNoSeriousA11yViolations(page);
		});
	});
}
