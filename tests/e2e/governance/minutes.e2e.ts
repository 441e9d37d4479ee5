import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { minutesDocumentOf, offlineCopies } from '../support/offline-copies';
import { openDemoProject, personInNewContext } from '../support/session';

// Several people in their own browsers, one after another: about a minute of real work.
test.slow(true, 'multi-person flows');

const stamp = Date.now().toString(36);
const minutesOf = (page: Page) => page.getByRole('textbox', { name: 'Testo del verbale' });

/** Giulia (chair of the cabina di regia allargata) schedules a fresh meeting; returns its URL. */
async function scheduleMeeting(page: Page): Promise<string> {
	const projectId = await openDemoProject(page);
	await page.goto(`/projects/${projectId}/governance`);
	await page.getByRole('link', { name: 'Cabina di regia allargata', exact: true }).click();
	await page.getByLabel('Titolo').fill(`Cabina di regia straordinaria ${stamp}`);
	await page.getByLabel('Data').fill('2026-12-20');
	await page.getByLabel('Ordine del giorno').fill('Tirocini estivi\nVarie ed eventuali');
	await page.getByRole('button', { name: 'Convoca riunione' }).click();
	await expect(page).toHaveURL(/\/governance\/meetings\/[0-9a-f-]{36}$/);
	return page.url();
}

test('two members write the minutes live, decide from a sentence, amend by suggestion, approve and freeze', async ({
	browser
}) => {
	const giulia = await personInNewContext(browser, 'coordinator');
	const meetingUrl = await scheduleMeeting(giulia);
	const documentName = minutesDocumentOf(meetingUrl);
	const paolo = await personInNewContext(browser, 'steeringSole');
	await paolo.goto(meetingUrl);

	// Both write under the first agenda item, at the same time.
	const fromGiulia = `Giulia apre la discussione ${stamp}.`;
	const fromPaolo = `Si decide di attivare dieci tirocini estivi ${stamp}.`;
	for (const page of [giulia, paolo]) {
		await expect(minutesOf(page)).toContainText('1. Tirocini estivi');
	}
	await minutesOf(giulia).getByText('1. Tirocini estivi').click();
	await giulia.keyboard.press('End');
	await giulia.keyboard.press('ArrowDown');
	await giulia.keyboard.type(fromGiulia, { delay: 10 });
	await expect(minutesOf(paolo)).toContainText(fromGiulia);
	await minutesOf(paolo).getByText(fromGiulia).click();
	await paolo.keyboard.press('End');
	await paolo.keyboard.press('Enter');
	await paolo.keyboard.type(fromPaolo, { delay: 10 });
	await expect(minutesOf(giulia)).toContainText(fromPaolo);

	// Paolo selects his sentence and turns it into a decision.
	await minutesOf(paolo).getByText(fromPaolo).click({ clickCount: 3 });
	await paolo.getByRole('button', { name: 'Crea decisione dalla selezione' }).click();
	await expect(paolo.getByLabel('Testo della decisione')).toHaveValue(fromPaolo);
	await expect(paolo.getByLabel("Punto all'ordine del giorno")).toHaveValue(/.+/);
	await paolo.getByRole('button', { name: 'Registra decisione' }).click();
	await expect(
		paolo.getByRole('status').filter({ hasText: 'Decisione registrata.' })
	).toBeVisible();

	// Giulia finds it in the register and approves it.
	await giulia.goto(meetingUrl.replace(/meetings\/.*$/, `decisions?q=${stamp}`));
	const row = giulia.getByRole('row').filter({ hasText: fromPaolo });
	await expect(row).toContainText('Proposta');
	await row.getByRole('link', { name: fromPaolo }).click();
	await giulia.getByLabel('Nuovo stato').selectOption({ label: 'Approvata' });
	await giulia.getByLabel('Nota').fill('Approvata all’unanimità');
	await giulia.getByRole('button', { name: 'Cambia stato' }).click();
	await expect(giulia.locator('.page-header [data-status="approved"]')).toBeVisible();
	await expect(
		giulia.getByRole('list').filter({ hasText: 'Approvata all’unanimità' })
	).toContainText('Proposta → Approvata');
	await expectNoSeriousA11yViolations(giulia);

	// Paolo (secretary) circulates; inside the amendment window his changes become suggestions.
	await paolo.getByRole('button', { name: 'Metti in circolazione' }).click();
	await expect(paolo.locator('[data-minutes-status="circulated"]')).toBeVisible();
	await expect(paolo.locator('#minutes-suggest-note')).toBeVisible();
	const amendment = ` in due turni ${stamp}`;
	await minutesOf(paolo).getByText(fromPaolo).click();
	await paolo.keyboard.press('End');
	await paolo.keyboard.type(amendment, { delay: 10 });
	await expect(minutesOf(paolo).locator('ins.suggestion-ins')).toContainText(amendment.trim());

	// Giulia (chair) sees it with its author; approval waits until she resolves it. Her browser
	// keeps the draft minutes for offline use (ADR 0206).
	await giulia.goto(meetingUrl);
	await expect.poll(() => offlineCopies(giulia), { timeout: 30_000 }).toContain(documentName);
	await expect.poll(() => offlineCopies(paolo), { timeout: 30_000 }).toContain(documentName);
	const suggestions = giulia.getByRole('region', { name: 'Proposte di modifica' });
	await expect(suggestions).toContainText('Paolo Rinaldi propone di aggiungere');
	await expect(suggestions).toContainText(amendment.trim());
	await giulia.getByRole('button', { name: 'Approva il verbale' }).click();
	await expect(giulia.getByText('Nel verbale restano proposte di modifica')).toBeVisible();
	await expect(giulia.locator('[data-minutes-status="circulated"]')).toBeVisible();
	await suggestions.getByRole('button', { name: 'Accetta', exact: true }).click();
	await expect(suggestions).toHaveCount(0);
	await expect(minutesOf(paolo).locator('ins.suggestion-ins')).toHaveCount(0);
	await expect(minutesOf(paolo)).toContainText(amendment.trim());
	await expectNoSeriousA11yViolations(giulia);

	// Approving freezes the editor for both, with the accepted text.
	await giulia.getByRole('button', { name: 'Approva il verbale' }).click();
	await expect(giulia.locator('[data-minutes-status="approved"]')).toBeVisible();
	await expect(giulia.getByText('Impronta SHA-256')).toBeVisible();
	await expect(minutesOf(giulia)).toHaveAttribute('contenteditable', 'false');
	await expect(minutesOf(giulia)).toContainText(fromPaolo);
	await expect(minutesOf(giulia)).toContainText(amendment.trim());
	// Approved minutes are final: no browser keeps a copy that could show other text.
	await expect.poll(() => offlineCopies(giulia), { timeout: 30_000 }).not.toContain(documentName);
	await paolo.reload();
	await expect(minutesOf(paolo)).toHaveAttribute('contenteditable', 'false');
	await expect(minutesOf(paolo)).toContainText(amendment.trim());
	await expect.poll(() => offlineCopies(paolo), { timeout: 30_000 }).not.toContain(documentName);
	await expectNoSeriousA11yViolations(giulia);
});

test('agenda headings stay intact: End + Enter opens a paragraph, typing inside a heading changes nothing', async ({
	browser
}) => {
	const giulia = await personInNewContext(browser, 'coordinator');
	await scheduleMeeting(giulia);
	const minutes = minutesOf(giulia);
	const headings = minutes.locator('h2');
	await expect(headings).toHaveText(['1. Tirocini estivi', '2. Varie ed eventuali']);

	await minutes.getByText('1. Tirocini estivi').click();
	await giulia.keyboard.press('End');
	await giulia.keyboard.press('Enter');
	const note = `Si apre la discussione sui tirocini ${stamp}.`;
	await giulia.keyboard.type(note, { delay: 10 });
	await expect(minutes.locator('p').filter({ hasText: note })).toBeVisible();

	// Typing, splitting or deleting inside the heading is refused by the editor.
	await minutes.getByText('1. Tirocini estivi').click();
	await giulia.keyboard.press('Home');
	await giulia.keyboard.type('XYZ');
	await giulia.keyboard.press('Enter');
	await giulia.keyboard.press('Backspace');
	await expect(headings).toHaveText(['1. Tirocini estivi', '2. Varie ed eventuali']);
	// What was refused never reached the server: a reload shows the same structure.
	await giulia.reload();
	await expect(minutesOf(giulia).locator('h2')).toHaveText([
		'1. Tirocini estivi',
		'2. Varie ed eventuali'
	]);
	await expect(minutesOf(giulia)).toContainText(note);
	await giulia.context().close();
});
