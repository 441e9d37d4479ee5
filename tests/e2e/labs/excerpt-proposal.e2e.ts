import { expect, test } from '@playwright/test';
import { demoUuid } from '../../../src/lib/server/demo/ids';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { openDemoProject, personInNewContext } from '../support/session';

// Three people in their own browsers, one after another, axe on each page.
test.slow(true, 'multi-person flow');

/**
 * From a case to a decision through a lab session: Luca (operator of Solidarietà e Servizi)
 * shares an excerpt of a note on Karim's case (H7Q-2MX) with the session it is attached to; the
 * server puts the pseudonym in place of the name. Chiara (facilitator) reads it in the session,
 * never the name, and sends the session's proposal to the cabina di regia; Giulia (coordinator)
 * finds it in the decision register as "Proposta", linked back to the lab session.
 */
const benali = demoUuid('case:benali');
const stamp = Date.now().toString(36);
const LAB = 'Laboratorio di co-progettazione';
const SESSION = 'Dai tirocini al lavoro: casi a confronto';

test('an operator’s excerpt reaches the lab session; the session’s proposal reaches the register', async ({
	browser
}) => {
	const luca = await personInNewContext(browser, 'caseOperator');
	const projectId = await openDemoProject(luca);
	await luca.goto(`/projects/${projectId}/cases/${benali}/share`);
	// The notes to take an excerpt from, each "date · kind".
	await luca
		.getByRole('link', { name: /^\d{2}\/\d{2}\/\d{4} · / })
		.first()
		.click();
	const excerpt = luca.getByLabel('Estratto');
	await expect(excerpt).toBeVisible();
	await excerpt.fill(`Karim Benali ha trovato nel tutor aziendale un riferimento ${stamp}`);
	await luca.getByRole('button', { name: "Condividi l'estratto" }).click();
	const shared = luca.getByRole('status').filter({ hasText: 'Estratto condiviso' });
	await expect(shared).toContainText(
		`H7Q-2MX ha trovato nel tutor aziendale un riferimento ${stamp}`
	);
	await expect(shared).not.toContainText('Benali');
	await expectNoSeriousA11yViolations(luca);

	const chiara = await personInNewContext(browser, 'facilitator');
	await chiara.goto(`/projects/${projectId}/labs`);
	await chiara.getByRole('link', { name: LAB }).first().click();
	await chiara.getByRole('link', { name: SESSION }).first().click();
	await expect(chiara.getByRole('heading', { name: SESSION, level: 1 })).toBeVisible();
	const sessionPath = new URL(chiara.url()).pathname;
	const attached = chiara.getByTestId('lab-case').filter({ hasText: 'H7Q-2MX' });
	await expect(attached).toContainText(`tutor aziendale un riferimento ${stamp}`);
	await expect(chiara.locator('main')).not.toContainText('Benali');
	const data = await chiara.request.get(`${sessionPath}/__data.json`);
	expect(await data.text()).not.toContain('Benali');

	const proposal = `Adottare il colloquio a tre in tutti i tirocini ${stamp}`;
	await chiara.getByLabel('Testo della proposta').fill(proposal);
	await chiara.getByRole('button', { name: 'Invia la proposta' }).click();
	await expect(
		chiara.getByRole('status').filter({ hasText: 'Proposta inviata alla cabina di regia.' })
	).toBeVisible();
	const proposals = chiara.getByRole('region', { name: 'Proposte alla cabina di regia' });
	await expect(proposals.getByRole('link', { name: proposal })).toBeVisible();
	await expect(proposals).toContainText('Proposta');
	await expectNoSeriousA11yViolations(chiara);

	const giulia = await personInNewContext(browser, 'coordinator');
	await giulia.goto(`/projects/${projectId}/governance/decisions?q=${stamp}`);
	const row = giulia.getByRole('row').filter({ hasText: proposal });
	await expect(row).toContainText('Proposta');
	await expectNoSeriousA11yViolations(giulia);
	await row.getByRole('link', { name: proposal }).click();
	const from = giulia.getByRole('link', {
		name: `Laboratorio «${LAB}», sessione «${SESSION}»`
	});
	await expect(from).toBeVisible();
	await expectNoSeriousA11yViolations(giulia);
	for (const width of [1280, 390]) {
		await giulia.setViewportSize({ width, height: 900 });
		await expect(from).toBeVisible();
		await giulia.screenshot({ path: `test-results/labs-proposal-${width}.png`, fullPage: true });
	}
	await from.click();
	await expect(giulia).toHaveURL(new RegExp(`${sessionPath}$`));
	await expect(giulia.getByRole('heading', { name: SESSION, level: 1 })).toBeVisible();
});
