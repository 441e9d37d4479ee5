import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { openDemoProject, personInNewContext } from '../support/session';

test.slow(true, 'two people in their own browsers');

const stamp = Date.now().toString(36);

/**
 * The coordinator names a need and an objective and links them, and an indicator to the
 * objective: the gap "objective with no indicator" closes. The evaluator, at 390 px, reads the
 * thread and the gaps, with no form to change them, and axe finds nothing serious.
 */
test('the coordinator links the thread; the evaluator reads it and its gaps', async ({
	browser
}) => {
	const coordinator = await personInNewContext(browser, 'coordinator');
	const projectId = await openDemoProject(coordinator);
	const path = `/projects/${projectId}/monitoring/traceability`;
	await coordinator.goto(`/projects/${projectId}/monitoring`);
	await coordinator.getByRole('link', { name: 'Tracciabilità: dal bisogno al risultato' }).click();
	await expect(coordinator).toHaveURL(new RegExp(`${path}$`));

	const need = `Bisogno ${stamp}`;
	const objective = `Obiettivo ${stamp}`;
	const add = coordinator.locator('form[action="?/node"]');
	await add.getByLabel('Tipo').selectOption('need');
	await add.getByLabel('Testo').fill(need);
	await add.getByRole('button', { name: 'Aggiungi' }).click();
	await expect(coordinator.getByRole('status')).toHaveText('Aggiunto.');
	await add.getByLabel('Tipo').selectOption('objective');
	await add.getByLabel('Testo').fill(objective);
	await add.getByRole('button', { name: 'Aggiungi' }).click();
	const gaps = coordinator.getByTestId('trace-gaps');
	await expect(gaps).toContainText(`Obiettivo senza indicatore: ${objective}`);

	const needLink = coordinator.locator('form[data-link-kind="need_objective"]');
	await coordinator.locator('#need_objective-from').selectOption({ label: need });
	await coordinator.locator('#need_objective-to').selectOption({ label: objective });
	await needLink.getByRole('button', { name: 'Collega', exact: true }).click();
	await expect(coordinator.getByRole('status')).toHaveText('Collegamento aggiornato.');
	const measure = coordinator.locator('form[data-link-kind="indicator_objective"]');
	await coordinator.locator('#indicator_objective-from').selectOption('people_in_charge');
	await coordinator.locator('#indicator_objective-to').selectOption({ label: objective });
	await measure.getByRole('button', { name: 'Collega', exact: true }).click();
	await expect(coordinator.getByRole('status')).toHaveText('Collegamento aggiornato.');
	await expect(gaps).not.toContainText(`Obiettivo senza indicatore: ${objective}`);
	await expect(gaps).toContainText(`Obiettivo senza azioni: ${objective}`);

	const observer = await personInNewContext(browser, 'observer');
	await observer.setViewportSize({ width: 390, height: 800 });
	await observer.goto(path);
	await expect(observer.getByRole('heading', { level: 3, name: `Bisogno: ${need}` })).toBeVisible();
	await expect(observer.getByTestId('trace-gaps')).toContainText(objective);
	await expect(observer.locator('form[action="?/link"]')).toHaveCount(0);
	const overflow = await observer.evaluate(
		() => document.documentElement.scrollWidth - window.innerWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	await expectNoSeriousA11yViolations(observer);
});
