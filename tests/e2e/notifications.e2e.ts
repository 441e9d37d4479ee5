import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { signIn } from './support/session';

const overflow = (page: import('@playwright/test').Page) =>
	page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The bell says how many are unread; its page lists them and marks them read (issue 13). */
test('the bell leads to the notifications, which can all be marked read', async ({ page }) => {
	await signIn(page, 'steeringSole');
	const bell = page.getByRole('link', { name: /^Notifiche, (nessuna non letta|\d+ non lette)$/ });
	await expect(bell).toBeVisible();
	await bell.click();
	await expect(page).toHaveURL(/\/notifications$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Notifiche' })).toBeVisible();
	await expectNoSeriousA11yViolations(page);
	const markAll = page.getByRole('button', { name: 'Segna tutte come lette' });
	if (await markAll.isVisible()) {
		await markAll.click();
		await expect(page.getByRole('link', { name: 'Notifiche, nessuna non letta' })).toBeVisible();
	}
	await page.setViewportSize({ width: 320, height: 800 });
	expect(await overflow(page)).toBeLessThanOrEqual(0);
});

test('each kind of notification gets its own mail choice, kept after saving', async ({ page }) => {
	await signIn(page, 'steeringMagentino');
	await page.goto('/account');
	await page.getByRole('link', { name: /Notifiche e e-mail/ }).click();
	await expect(page).toHaveURL(/\/account\/notifications$/);
	const group = page.getByRole('group', { name: 'Azione affidata a te' });
	await group.getByRole('radio', { name: 'Riepilogo settimanale' }).check();
	await page
		.getByRole('group', { name: 'Menzione' })
		.getByRole('radio', { name: "Solo nell'app" })
		.check();
	await page.getByRole('button', { name: 'Salva le preferenze' }).click();
	await expect(page.getByRole('status')).toHaveText('Preferenze salvate.');
	await page.goto('/account/notifications');
	await expect(group.getByRole('radio', { name: 'Riepilogo settimanale' })).toBeChecked();
	await expect(
		page.getByRole('group', { name: 'Menzione' }).getByRole('radio', { name: "Solo nell'app" })
	).toBeChecked();
	await expect(
		page.getByRole('group', { name: 'Riunione convocata' }).getByRole('radio', {
			name: 'Subito per e-mail'
		})
	).toBeChecked();
	await expectNoSeriousA11yViolations(page);
	await page.setViewportSize({ width: 320, height: 800 });
	expect(await overflow(page)).toBeLessThanOrEqual(0);
});
