import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { signIn } from './support/session';

/** The first screen after sign-in says what waits for each person, and links to where it is done. */
test('a partner sees the sections to write and reaches one in a click', async ({ page }) => {
	await signIn(page, 'editorAi');
	const work = page.getByRole('region', { name: 'Cosa ti aspetta' });
	await expect(work.getByRole('heading', { name: /Sezioni da scrivere/ })).toBeVisible();
	await expectNoSeriousA11yViolations(page);
	const first = work.getByRole('link', { name: /^\d+\. / }).first();
	const title = (await first.textContent())!.replace(/^\d+\.\s*/, '').trim();
	await first.click();
	await expect(page).toHaveURL(/\/proposals\/[0-9a-f-]{36}#section-[0-9a-f-]{36}$/);
	const sectionId = new URL(page.url()).hash.slice(1);
	await expect(page.locator(`#${sectionId}`)).toContainText(title);
});

test('an observer is told that nothing waits', async ({ page }) => {
	await signIn(page, 'observer');
	const work = page.getByRole('region', { name: 'Cosa ti aspetta' });
	await expect(work).toContainText('Niente in sospeso');
});
