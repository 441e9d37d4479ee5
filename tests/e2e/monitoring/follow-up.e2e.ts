import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { openDemoProject, personInNewContext } from '../support/session';

test.slow(true, 'a pathway opened, closed and followed up');

/**
 * The six-month follow-up as Luca (operator) lives it: he closes a pathway, the follow-up waits
 * on his first screen ("Cosa ti aspetta") with its due date; the line leads to the case with the
 * form set to the follow-up; he answers that the person could not be reached, and the diary says
 * so while the line is gone. The first screen is checked with axe at 1280 px and 390 px.
 */
const stamp = Date.now().toString(36);

async function addEvent(luca: Page, kind: string, field: string, fill: () => Promise<void>) {
	const form = luca.locator('form[action="?/event"]');
	// The kind's fields appear once the page is interactive: choose again until they do.
	await expect(async () => {
		await form.getByLabel('Tipo di evento').selectOption(kind);
		await expect(form.getByLabel(field)).toBeVisible({ timeout: 1_000 });
	}).toPass();
	await fill();
	await form.getByRole('button', { name: 'Aggiungi al diario' }).click();
	await expect(luca.getByRole('status')).toHaveText('Evento aggiunto al diario.');
}

test('an operator answers a follow-up "person not reachable" and sees it recorded', async ({
	browser
}) => {
	const luca = await personInNewContext(browser, 'caseOperator');
	const projectId = await openDemoProject(luca);
	await luca.goto(`/projects/${projectId}/cases/new`);
	await luca.getByLabel('Nome e cognome').fill(`Irreperibile ${stamp}`);
	await luca.getByRole('button', { name: 'Apri il percorso' }).click();
	await expect(luca).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
	const pseudonym = (await luca.getByRole('heading', { level: 1 }).textContent())!.trim();

	const form = luca.locator('form[action="?/event"]');
	await addEvent(luca, 'closure', 'Motivo della chiusura', async () => {
		await form.getByLabel('Motivo della chiusura').selectOption('pathway_completed');
		await form.getByLabel('Nuovo stato del percorso').selectOption('closed');
	});
	await expect(luca.getByTestId('follow-up-waiting')).toBeVisible();

	// His first screen: the follow-up waits, by pseudonym, with its due date.
	await luca.setViewportSize({ width: 1280, height: 900 });
	await luca.goto('/projects');
	const work = luca.getByRole('region', { name: 'Cosa ti aspetta' });
	const line = work.getByTestId('follow-up-due').filter({ hasText: pseudonym });
	await expect(line).toHaveCount(1);
	await expect(line).toContainText('entro il');
	await expect(line.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
	const overflow = () =>
		luca.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(await overflow()).toBeLessThanOrEqual(0);
	await expectNoSeriousA11yViolations(luca);
	await luca.setViewportSize({ width: 390, height: 844 });
	await expect(line).toBeVisible();
	expect(await overflow()).toBeLessThanOrEqual(0);
	await expectNoSeriousA11yViolations(luca);

	await line.getByRole('link', { name: `Follow-up di ${pseudonym}` }).click();
	await expect(luca).toHaveURL(/\?kind=follow_up#add-event-title$/);
	await expect(form.getByLabel('Tipo di evento')).toHaveValue('follow_up');
	const situation = form.getByLabel('Situazione a 6 mesi dalla chiusura');
	await expect(situation.locator('option', { hasText: 'Persona non raggiungibile' })).toHaveCount(
		1
	);
	await situation.selectOption({ label: 'Persona non raggiungibile' });
	await form.getByRole('button', { name: 'Aggiungi al diario' }).click();
	await expect(luca.getByRole('status')).toHaveText('Evento aggiunto al diario.');

	const diary = luca.getByRole('region', { name: 'Diario del percorso' });
	await expect(diary.getByRole('listitem').filter({ hasText: 'Follow-up a 6 mesi' })).toContainText(
		'Persona non raggiungibile'
	);
	await expect(luca.getByTestId('follow-up-waiting')).toHaveCount(0);
	await expectNoSeriousA11yViolations(luca);

	await luca.goto('/projects');
	await expect(
		luca.getByRole('region', { name: 'Cosa ti aspetta' }).getByTestId('follow-up-due').filter({
			hasText: pseudonym
		})
	).toHaveCount(0);
});
