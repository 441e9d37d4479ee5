import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { openDemoProject, personInNewContext } from '../support/session';

// Two operators in their own browsers, one after another.
test.slow(true, 'multi-person flow');

const stamp = Date.now().toString(36);

/**
 * A referral between the network's organisations at the browser: Luca (Solidarietà e Servizi)
 * refers a person to Atticus without the identity; Sara (Atticus) sees only pseudonym and
 * reason, accepts, and then reads the pathway but never the name, the contacts or Luca's note,
 * nor can she write. Luca withdraws the referral and her access ends.
 */
test('an operator refers a person to another organisation, which accepts it', async ({
	browser
}) => {
	const name = `Canarino Segnalato ${stamp}`;
	const note = `Nota riservata ${stamp}`;
	const luca = await personInNewContext(browser, 'caseOperator');
	const projectId = await openDemoProject(luca);
	await luca.goto(`/projects/${projectId}/cases/new`);
	await luca.getByLabel('Nome e cognome').fill(name);
	await luca.getByLabel('Note sulla segnalazione').fill(note);
	await luca.getByRole('button', { name: 'Apri il percorso' }).click();
	await expect(luca).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
	const caseUrl = new URL(luca.url()).pathname;
	const pseudonym = (await luca.getByRole('heading', { level: 1 }).textContent())!.trim();

	await luca.getByRole('link', { name: "Segnala a un'altra organizzazione" }).click();
	await luca.getByLabel('Organizzazione').selectOption({ label: 'Atticus' });
	await luca
		.getByRole('textbox', { name: 'Motivo', exact: true })
		.fill('Corso OSS nel vostro ambito');
	await expect(
		luca.getByLabel('Dati identificativi, contatti e note degli operatori')
	).not.toBeChecked();
	await luca.getByRole('button', { name: 'Invia la segnalazione' }).click();
	await expect(luca.getByRole('status')).toHaveText('Segnalazione inviata.');
	const sent = luca.locator('li.card', { hasText: 'Corso OSS nel vostro ambito' });
	await expect(sent).toContainText('In attesa');
	await expectNoSeriousA11yViolations(luca);

	const sara = await personInNewContext(browser, 'caseOperatorAtticus');
	await sara.goto(`/projects/${projectId}/cases`);
	// Before accepting: the pseudonym and the reason only, and the record stays closed.
	const received = sara.locator('#referrals li', { hasText: pseudonym });
	await expect(received).toContainText('Corso OSS nel vostro ambito');
	await expect(received).toContainText('Solo pseudonimo e percorso');
	await expect(sara.locator('main')).not.toContainText(name);
	expect((await sara.request.get(caseUrl)).status()).toBe(403);
	await expectNoSeriousA11yViolations(sara);
	await received.getByRole('button', { name: 'Accetta' }).click();
	// The list's own count is a status line too: the one with the message is meant.
	await expect(sara.getByRole('status').filter({ hasText: 'Segnalazione accettata' })).toHaveText(
		'Segnalazione accettata: la persona è ora nel tuo elenco.'
	);

	// After: the pathway by pseudonym, never who the person is, and no writing.
	await sara.getByRole('link', { name: pseudonym }).click();
	await expect(sara.getByRole('heading', { name: pseudonym, level: 1 })).toBeVisible();
	await expect(sara.locator('main')).not.toContainText(name);
	await expect(sara.locator('main')).not.toContainText(note);
	await expect(sara.getByRole('link', { name: "Segnala a un'altra organizzazione" })).toHaveCount(
		0
	);
	await expect(sara.getByRole('link', { name: 'Cancella i dati della persona' })).toHaveCount(0);
	const data = await sara.request.get(`${caseUrl}/__data.json`);
	expect(data.status()).toBe(200);
	const body = await data.text();
	expect(body).not.toContain(name);
	expect(body).not.toContain(note);
	expect((await sara.request.get(`${caseUrl}/export.json`)).status()).toBe(403);

	// Luca withdraws it, with a reason; Sara's access ends there.
	await luca.reload();
	await expect(sent).toContainText('Accettata');
	await sent.getByRole('button', { name: 'Ritira la segnalazione' }).click();
	await expect(sent.getByLabel('Motivo del ritiro')).toHaveAttribute('aria-invalid', 'true');
	await sent.getByLabel('Motivo del ritiro').fill('La persona resta con noi');
	await sent.getByRole('button', { name: 'Ritira la segnalazione' }).click();
	await expect(luca.getByRole('status')).toHaveText(
		"Segnalazione ritirata: l'altra organizzazione non segue più la persona."
	);
	await expect(sent).toContainText('Ritirata');
	await expect(sent).toContainText('Motivo del ritiro: La persona resta con noi');
	expect((await sara.request.get(caseUrl)).status()).toBe(403);
});
