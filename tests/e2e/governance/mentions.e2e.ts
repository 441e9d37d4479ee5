import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { openDemoProject, personInNewContext } from '../support/session';

// Two people in their own browsers, one after the other.
test.slow(true, 'multi-person flow');

const stamp = Date.now().toString(36);
const minutesOf = (page: Page) => page.getByRole('textbox', { name: 'Testo del verbale' });
const mentionList = (page: Page) => page.getByRole('listbox', { name: 'Persone da menzionare' });

async function scheduleMeeting(page: Page, title: string): Promise<string> {
	const projectId = await openDemoProject(page);
	await page.goto(`/projects/${projectId}/governance`);
	await page.getByRole('link', { name: 'Cabina di regia allargata', exact: true }).click();
	await page.getByLabel('Titolo').fill(title);
	await page.getByLabel('Data').fill('2026-12-21');
	await page.getByLabel('Ordine del giorno').fill('Tirocini estivi');
	await page.getByRole('button', { name: 'Convoca riunione' }).click();
	await expect(page).toHaveURL(/\/governance\/meetings\/[0-9a-f-]{36}$/);
	return page.url();
}

/**
 * @mentions in the minutes (ADR 0180), by keyboard only: "@" and the start of a name offer the
 * people who may read the minutes, arrows and Enter insert one, and the colleague finds the
 * notification behind the bell. Someone outside the project is never offered.
 */
test('a member mentions a colleague in the minutes by keyboard, and the colleague is told', async ({
	browser
}) => {
	const title = `Cabina di regia con menzioni ${stamp}`;
	const giulia = await personInNewContext(browser, 'coordinator');
	const meetingUrl = await scheduleMeeting(giulia, title);
	await expect(minutesOf(giulia)).toContainText('1. Tirocini estivi');
	await minutesOf(giulia).getByText('1. Tirocini estivi').click();
	await giulia.keyboard.press('End');
	await giulia.keyboard.press('ArrowDown');

	// Roberta D'Amico coordinates another project: not a reader of these minutes, not offered.
	await giulia.keyboard.type('Chiedere a @Robe', { delay: 20 });
	await expect(giulia.getByRole('status').filter({ hasText: 'Nessuna persona' })).toHaveText(
		'Nessuna persona che può leggere questo documento corrisponde.'
	);
	await expect(mentionList(giulia).getByRole('option')).toHaveCount(0);
	await giulia.keyboard.press('Escape');
	for (let i = 0; i < '@Robe'.length; i++) await giulia.keyboard.press('Backspace');

	await giulia.keyboard.type('@Pa', { delay: 20 });
	const paoloOption = mentionList(giulia).getByRole('option', { name: 'Paolo Rinaldi' });
	await expect(paoloOption).toBeVisible();
	await expect(mentionList(giulia).getByRole('option', { name: /Roberta/ })).toHaveCount(0);
	// The popup itself, and the page with it open, pass axe.
	const popup = await new AxeBuilder({ page: giulia })
		.include('.mention-list')
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(popup.violations.map((violation) => violation.id)).toEqual([]);
	await expectNoSeriousA11yViolations(giulia);

	// Arrows move the choice; Enter inserts the one chosen.
	const options = mentionList(giulia).getByRole('option');
	const names = await options.allTextContents();
	const paoloAt = names.indexOf('Paolo Rinaldi');
	for (let i = 0; i < paoloAt; i++) await giulia.keyboard.press('ArrowDown');
	await expect(paoloOption).toHaveAttribute('aria-selected', 'true');
	await giulia.keyboard.press('Enter');
	await expect(mentionList(giulia)).toHaveCount(0);
	await expect(minutesOf(giulia).locator('.mention')).toHaveText('@Paolo Rinaldi');
	await giulia.keyboard.type(' per il calendario.', { delay: 10 });

	// Paolo is told: the bell counts it, the page links to the minutes.
	const paolo = await personInNewContext(browser, 'steeringSole');
	await expect(async () => {
		await paolo.goto('/notifications');
		await expect(paolo.getByRole('link', { name: title }).first()).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 30_000 });
	await expect(paolo.getByRole('link', { name: /^Notifiche, \d+ non lett[ae]$/ })).toBeVisible();
	await expect(paolo.getByRole('link', { name: title }).first()).toHaveAttribute(
		'href',
		new URL(meetingUrl).pathname
	);
	await paolo.goto(meetingUrl);
	await expect(minutesOf(paolo).locator('.mention')).toHaveText('@Paolo Rinaldi');
	await giulia.context().close();
	await paolo.context().close();
});
