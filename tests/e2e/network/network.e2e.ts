import { expect, test } from '@playwright/test';
import { openDemoProject, signIn } from '../support/session';
import { checkWidths, DESKTOP } from '../support/widths';

/**
 * The network map, the partnership matrix and the register, walked at desktop width; each page
 * they check is laid out at phone width too, with axe and the controls used next within reach
 * there (support/widths.ts).
 */
const WIDTHS = [DESKTOP, 390];

test.describe('at 1280 and 390 px', () => {
	test.use({ viewport: { width: DESKTOP, height: 900 } });

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
		const territories = filters.getByLabel('Territori');
		const areas = filters.getByLabel('Aree');
		const find = page.getByLabel("Cerca un'organizzazione");
		const go = page.getByRole('button', { name: 'Trova' });
		await checkWidths(page, WIDTHS.slice(1), {
			controls: [territories, areas, find, go],
			axe: false
		});
		await territories.selectOption({ label: 'Ambito del Magentino' });
		await areas.selectOption({ label: 'Area educativa' });
		const table = page.getByRole('table', { name: 'Tabella della rete' });
		await expect(table.getByRole('button', { name: 'Il Melograno' })).toBeVisible();
		await expect(table.getByRole('button', { name: 'Promos' })).toHaveCount(0);
		await find.fill('Melograno');
		await go.click();
		const panel = page.locator('#node-panel');
		const heading = panel.getByRole('heading', { name: /Il Melograno/ });
		await expect(heading).toBeVisible();
		await expect(panel).toContainText('Partner operativo');
		await expect(panel).toContainText('Neo-genitori');
		await checkWidths(page, WIDTHS, { visible: [heading] });
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
		await checkWidths(page, WIDTHS.slice(1), { controls: [button], axe: false });
		await button.focus();
		await page.keyboard.press('Enter');
		const panel = page.locator('#node-panel');
		await expect(panel).toBeFocused();
		await expect(panel).toContainText('Partner operativo');
		await checkWidths(page, WIDTHS, { visible: [panel] });
	});

	test('shows the partnership matrix and the register', async ({ page }) => {
		await signIn(page, 'observer');
		const projectId = await openDemoProject(page);
		await page.goto(`/projects/${projectId}/partnership`);
		await expect(page.getByRole('table', { name: /Matrice partner/ })).toContainText(
			'Il Melograno'
		);
		await checkWidths(page, WIDTHS);
		await page.goto('/organisations');
		await expect(page.getByRole('table')).toContainText('Comune di Magnago');
		await checkWidths(page, WIDTHS);
	});
});
