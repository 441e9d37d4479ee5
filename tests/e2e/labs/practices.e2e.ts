import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { openDemoProject, personInNewContext } from '../support/session';

/**
 * Good practices at the browser: Chiara (facilitator) records one from the demo lab's first
 * session, linked to Karim's pathway by pseudonym; the observer finds it in the library with
 * the filters and reads it, seeing how many pathways it comes from but not which.
 */
const stamp = Date.now().toString(36);
const title = `Navetta condivisa ${stamp}`;

test('a facilitator records a good practice; an observer finds it in the library', async ({
	browser
}) => {
	// Two people, two pages each, axe four times: more than the default minute on a shared CPU.
	test.slow();
	const chiara = await personInNewContext(browser, 'facilitator');
	const projectId = await openDemoProject(chiara);
	await chiara.goto(`/projects/${projectId}/labs`);
	await chiara.getByRole('link', { name: 'Laboratorio di co-progettazione' }).click();
	await chiara.getByRole('link', { name: 'Dai tirocini al lavoro: casi a confronto' }).click();
	await expect(chiara.getByRole('heading', { name: 'Registra una buona pratica' })).toBeVisible();

	// Nothing in "what worked": the error names the field, and the title typed is kept.
	await chiara.getByLabel('Titolo della buona pratica').fill(title);
	await chiara.getByRole('button', { name: 'Registra la buona pratica' }).click();
	await expect(chiara.getByRole('textbox', { name: 'Cosa ha funzionato' })).toHaveAttribute(
		'aria-invalid',
		'true'
	);
	await expect(chiara.getByLabel('Titolo della buona pratica')).toHaveValue(title);

	await chiara.getByLabel('Il problema').fill('Nessun autobus serale verso la zona industriale.');
	await chiara
		.getByRole('textbox', { name: 'Cosa ha funzionato' })
		.fill('Le aziende ospitanti organizzano una navetta condivisa per i turni serali.');
	await chiara.getByLabel('Per quale target').selectOption({ label: 'Migranti' });
	await chiara.getByLabel('Territorio').selectOption({ label: 'Ambito Alto Milanese' });
	await chiara.getByRole('checkbox', { name: 'H7Q-2MX' }).check();
	await expectNoSeriousA11yViolations(chiara);
	await chiara.getByRole('button', { name: 'Registra la buona pratica' }).click();
	await expect(chiara.getByRole('heading', { name: title, level: 1 })).toBeVisible();
	await expect(chiara.getByTestId('practice-cases')).toHaveText('H7Q-2MX');
	await expect(chiara.locator('main')).not.toContainText('Benali');

	const observer = await personInNewContext(browser, 'observer');
	await observer.goto(`/projects/${projectId}/practices`);
	// The demo's two practices, and Chiara's.
	await expect(observer.getByTestId('practice').filter({ hasText: 'Colloquio a tre' })).toHaveCount(
		1
	);
	await observer.getByLabel('Cerca nel testo').fill(`navetta ${stamp}`);
	await observer.getByLabel('Per quale target').selectOption({ label: 'Migranti' });
	await observer.getByRole('button', { name: 'Filtra' }).click();
	await expect(observer.getByTestId('practice')).toHaveCount(1);
	await expectNoSeriousA11yViolations(observer);
	await observer.getByRole('link', { name: title }).click();
	await expect(observer.getByRole('heading', { name: title, level: 1 })).toBeVisible();
	await expect(observer.getByTestId('practice-cases')).toContainText('1 percorsi');
	await expect(observer.locator('main')).not.toContainText('H7Q-2MX');
	await expectNoSeriousA11yViolations(observer);
});
