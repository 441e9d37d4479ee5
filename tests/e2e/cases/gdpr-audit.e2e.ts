import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { openDemoProject, personInNewContext } from '../support/session';

// Two people in their own browsers, one after another.
test.slow(true, 'multi-person flow');

const stamp = Date.now().toString(36);

/**
 * GDPR erasure at the browser, then the coordinator's audit viewer: Luca (operator) opens a
 * record, erases it after confirming with its pseudonym; Giulia (coordinator) finds the erasure
 * in the access log by pseudonym, with no name anywhere.
 */
test('an operator erases a person; the coordinator finds it in the access log', async ({
	browser
}) => {
	const luca = await personInNewContext(browser, 'caseOperator');
	const projectId = await openDemoProject(luca);
	await luca.goto(`/projects/${projectId}/cases/new`);
	const name = `Persona Da Cancellare ${stamp}`;
	await luca.getByLabel('Nome e cognome').fill(name);
	await luca.getByRole('button', { name: 'Apri il percorso' }).click();
	await expect(luca).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
	const pseudonym = (await luca.getByRole('heading', { level: 1 }).textContent())!.trim();

	await luca.getByRole('link', { name: 'Cancella i dati della persona' }).click();
	await expect(luca.getByRole('heading', { name: 'Cancella i dati della persona' })).toBeVisible();
	await expectNoSeriousA11yViolations(luca);
	await luca.getByLabel('Motivo della cancellazione').selectOption('consent_withdrawn');
	await luca.getByLabel(/Per confermare/).fill('ZZZ-ZZZ');
	await luca.getByRole('button', { name: 'Cancella definitivamente' }).click();
	await expect(luca.getByLabel(/Per confermare/)).toHaveAttribute('aria-invalid', 'true');
	await luca.getByLabel(/Per confermare/).fill(pseudonym.toLowerCase());
	await luca.getByRole('button', { name: 'Cancella definitivamente' }).click();
	await expect(luca.getByRole('heading', { name: pseudonym, level: 1 })).toBeVisible();
	await expect(luca.getByText(/Dati identificativi e note cancellati il/)).toBeVisible();
	await expect(luca.locator('main')).not.toContainText(name);

	const giulia = await personInNewContext(browser, 'coordinator');
	await giulia.goto(`/projects/${projectId}/cases`);
	await giulia.getByRole('link', { name: 'Registro degli accessi' }).click();
	await expect(
		giulia.getByRole('heading', { name: 'Registro degli accessi ai percorsi' })
	).toBeVisible();
	await giulia.getByLabel('Pseudonimo', { exact: true }).fill(pseudonym);
	await giulia.getByLabel('Azione', { exact: true }).selectOption('case.erase');
	await giulia.getByRole('button', { name: 'Filtra' }).click();
	await expect(giulia).toHaveURL(/action=case.erase/);
	const log = giulia.getByRole('table');
	await expect(log.getByRole('row')).toHaveCount(2);
	await expect(log).toContainText('Cancellazione dei dati identificativi');
	await expect(log).toContainText('Consenso revocato');
	await expect(log).toContainText(pseudonym);
	await expect(giulia.locator('main')).not.toContainText(name);
	await expectNoSeriousA11yViolations(giulia);
	const csv = giulia.getByRole('link', { name: 'Esporta CSV' });
	await expect(csv).toHaveAttribute('href', /audit\.csv\?action=case\.erase&pseudonym=/);
});
