import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { openDemoProject, personInNewContext } from '../support/session';

/**
 * Labs at the browser: Chiara (facilitator) opens a lab and a session, attaches Karim's case
 * (H7Q-2MX) and sees only its pseudonym and path; she and Giulia (coordinator) then sort cards
 * on the session's board together, live, with the keyboard-reachable move buttons.
 */
const stamp = Date.now().toString(36);

test('a facilitator attaches a case by pseudonym; two people sort the board live', async ({
	browser
}) => {
	const chiara = await personInNewContext(browser, 'facilitator');
	const projectId = await openDemoProject(chiara);
	await chiara.goto(`/projects/${projectId}/labs`);
	await expect(
		chiara.getByRole('heading', { name: 'Laboratori di comunità di pratica' })
	).toBeVisible();
	await chiara.locator('#field-title').fill(`Laboratorio ${stamp}`);
	await chiara.getByLabel('Tema').fill('Tirocini che diventano lavoro');
	await chiara.getByRole('button', { name: 'Apri il laboratorio' }).click();
	await expect(
		chiara.getByRole('heading', { name: `Laboratorio ${stamp}`, level: 1 })
	).toBeVisible();

	await chiara.getByLabel('Titolo della sessione').fill('Prima sessione');
	await chiara.getByLabel('Inizio').fill('2026-05-12T14:30');
	await chiara.getByLabel('Fine').fill('2026-05-12T13:00');
	await chiara.getByRole('button', { name: 'Programma la sessione' }).click();
	await expect(chiara.getByLabel('Fine')).toHaveAttribute('aria-invalid', 'true');
	await chiara.getByLabel('Fine').fill('2026-05-12T17:00');
	await chiara.getByRole('button', { name: 'Programma la sessione' }).click();
	await expect(chiara.getByRole('status')).toHaveText('Sessione programmata.');
	await expectNoSeriousA11yViolations(chiara);
	await chiara.getByRole('link', { name: 'Prima sessione' }).click();
	await expect(chiara.getByRole('heading', { name: 'Prima sessione', level: 1 })).toBeVisible();
	const sessionUrl = chiara.url();

	await chiara.getByLabel('Pseudonimo').fill('h7q-2mx');
	await chiara.getByRole('button', { name: 'Collega', exact: true }).click();
	const attached = chiara.getByTestId('lab-case');
	await expect(attached).toContainText('H7Q-2MX');
	await expect(attached).toContainText('Tirocinio');
	const main = chiara.locator('main');
	await expect(main).not.toContainText('Benali');
	await expect(main).not.toContainText('Tutoraggio mensile (5 ore): buon inserimento.');
	const data = await chiara.request.get(`${new URL(sessionUrl).pathname}/__data.json`);
	expect(await data.text()).not.toContain('Benali');

	// The board: Chiara makes a group and a card; Giulia moves the card; Chiara sees it moved.
	await chiara.getByLabel('Nuovo gruppo').fill('Cosa ha funzionato');
	await chiara.getByRole('button', { name: 'Aggiungi gruppo' }).click();
	await chiara.locator('#new-card-0').fill(`Tutor in azienda ${stamp}`);
	await chiara.locator('#new-card-0').press('Enter');
	const giulia = await personInNewContext(browser, 'coordinator');
	await giulia.goto(sessionUrl);
	const card = (page: typeof giulia) =>
		page.getByTestId('board-card').filter({ hasText: `Tutor in azienda ${stamp}` });
	await expect(card(giulia)).toBeVisible();
	await expect(giulia.getByTestId('presence')).toContainText('Chiara');
	await card(giulia)
		.getByRole('button', { name: `Sposta «Tutor in azienda ${stamp}» nel gruppo successivo` })
		.click();
	const worked = (page: typeof giulia) => page.locator('[data-cluster="Cosa ha funzionato"]');
	await expect(worked(giulia)).toContainText(`Tutor in azienda ${stamp}`);
	await expect(worked(chiara)).toContainText(`Tutor in azienda ${stamp}`);
	await expectNoSeriousA11yViolations(giulia);

	for (const width of [1280, 390]) {
		await chiara.setViewportSize({ width, height: 900 });
		await chiara.screenshot({ path: `test-results/labs-session-${width}.png`, fullPage: true });
	}
});
