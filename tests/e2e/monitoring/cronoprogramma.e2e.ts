import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { openDemoProject, personInNewContext } from '../support/session';

test.slow(true, 'two people in their own browsers');

/**
 * The cronoprogramma as lived: the coordinator marks the demo's reporting action done in its
 * sixth month; the evaluator, at 390 px, reads the grid as a table (the cell says "Fatto" in
 * words), nothing scrolls sideways but the table's own box, and axe finds nothing serious.
 */
test('the coordinator marks a month done; the evaluator reads the grid at 390 px', async ({
	browser
}) => {
	const coordinator = await personInNewContext(browser, 'coordinator');
	const projectId = await openDemoProject(coordinator);
	const path = `/projects/${projectId}/monitoring/cronoprogramma`;
	await coordinator.goto(`/projects/${projectId}/monitoring`);
	await coordinator.getByRole('link', { name: 'Cronoprogramma: previsto e realizzato' }).click();
	await expect(coordinator).toHaveURL(new RegExp(`${path}$`));

	const form = coordinator.locator('form[action="?/mark"]');
	await form.getByLabel('Azione').selectOption({ label: 'Attività rendicontative' });
	await form.getByLabel('Mese del progetto').selectOption('6');
	await form.getByRole('button', { name: 'Segna come fatto' }).click();
	await expect(coordinator.getByRole('status')).toHaveText('Segno aggiornato.');

	const observer = await personInNewContext(browser, 'observer');
	await observer.setViewportSize({ width: 390, height: 800 });
	await observer.goto(path);
	const table = observer.getByRole('table', { name: 'Azioni per mese: previsto e realizzato' });
	const row = table.getByRole('row', { name: /Attività rendicontative/ });
	await expect(row.locator('[data-month="6"]')).toContainText('Fatto: segno a mano');
	await expect(row.locator('[data-month="7"]')).toContainText('In ritardo');
	await expect(observer.locator('form[action="?/mark"]')).toHaveCount(0);
	const overflow = await observer.evaluate(
		() => document.documentElement.scrollWidth - window.innerWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	await expectNoSeriousA11yViolations(observer);
});
