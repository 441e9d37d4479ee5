import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { demoPerson } from './support/demo-people';
import { liveNotes, typeAtEnd } from './support/live-notes';
import { openDemoProject, personInNewContext, signIn } from './support/session';

const unique = (label: string) => `${label} ${Math.random().toString(36).slice(2, 8)}`;

test.describe('shell and accessibility', () => {
	test('the sign-in page has no serious accessibility violations', async ({ page }) => {
		await page.goto('/login');
		await expect(page.locator('html')).toHaveAttribute('lang', 'it');
		await expectNoSeriousA11yViolations(page);
	});

	test('the skip link is the first stop and moves focus to the main content', async ({ page }) => {
		await page.goto('/login');
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Vai al contenuto principale' });
		await expect(skip).toBeFocused();
		await expect(skip).toBeInViewport();
		await page.keyboard.press('Enter');
		await expect(page.locator('main#main')).toBeFocused();
		// The next Tab continues inside the main content, not back in the header.
		await page.keyboard.press('Tab');
		const inMain = await page.evaluate(() => document.activeElement?.closest('main') !== null);
		expect(inMain).toBe(true);
	});

	test('anonymous visitors are sent to sign in and come back after', async ({ page }) => {
		await page.goto('/projects');
		await expect(page).toHaveURL(/\/login\?redirectTo=%2Fprojects/);
	});

	test('a project one is not in is a translated 404, with no details', async ({ page }) => {
		await signIn(page, 'coordinator');
		const response = await page.goto('/projects/00000000-0000-4000-8000-000000000000');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Qualcosa non ha funzionato');
		await expect(page.getByText('Progetto non trovato.')).toBeVisible();
		await expect(page.locator('main')).not.toContainText('Error:');
	});

	test('signing out from the header ends the session', async ({ page }) => {
		await signIn(page, 'facilitator');
		await page.getByRole('button', { name: 'Esci' }).click();
		await page.goto('/projects');
		await expect(page).toHaveURL(/\/login/);
	});

	test('the projects list and the project home pass axe', async ({ page }) => {
		await signIn(page, 'coordinator');
		await expectNoSeriousA11yViolations(page);
		await openDemoProject(page);
		await liveNotes(page);
		await expect(page.getByRole('navigation', { name: 'Sezioni del progetto' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Panoramica' })).toHaveAttribute(
			'aria-current',
			'page'
		);
		await expectNoSeriousA11yViolations(page);
	});

	test('the language switch shows the interface in English and back', async ({ page }) => {
		await signIn(page, 'coordinator');
		await page.getByRole('button', { name: 'English' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('link', { name: 'My projects' })).toBeVisible();
		await expect(page).toHaveURL(/\/projects$/);
		await page.getByRole('button', { name: 'Italiano' }).click();
		await expect(page.getByRole('link', { name: 'I miei progetti' })).toBeVisible();
	});
});

test.describe('live notes', () => {
	test('two people see each other’s edits and presence at once', async ({ browser }) => {
		const giulia = await personInNewContext(browser, 'coordinator');
		const marco = await personInNewContext(browser, 'editorAi');
		await openDemoProject(giulia);
		await openDemoProject(marco);
		const giuliaEditor = await liveNotes(giulia);
		const marcoEditor = await liveNotes(marco);

		const presenceOf = (page: typeof giulia, key: 'coordinator' | 'editorAi') =>
			page.getByTestId('presence').getByText(demoPerson(key).name, { exact: true });
		await expect(presenceOf(giulia, 'editorAi')).toBeVisible();
		await expect(presenceOf(marco, 'coordinator')).toBeVisible();

		const fromGiulia = unique('Scritto da Giulia');
		await typeAtEnd(giulia, giuliaEditor, fromGiulia);
		await expect(marcoEditor).toContainText(fromGiulia);

		const fromMarco = unique('Risponde Marco');
		await typeAtEnd(marco, marcoEditor, fromMarco);
		await expect(giuliaEditor).toContainText(fromMarco);
		await expect(giuliaEditor).toContainText(fromGiulia);

		// Marco's caret carries his name in Giulia's editor.
		await expect(
			giulia.locator('.collab-caret-label', { hasText: demoPerson('editorAi').name })
		).toBeVisible();

		// Formatting from the toolbar travels too, and the button says it is on.
		await giuliaEditor.click();
		await giulia.keyboard.press('Control+End');
		await giulia.keyboard.press('Enter');
		const bold = giulia.getByRole('button', { name: 'Grassetto' });
		await bold.click();
		await expect(bold).toHaveAttribute('aria-pressed', 'true');
		const boldText = unique('In grassetto');
		await giulia.keyboard.type(boldText);
		await expect(marcoEditor.locator('strong', { hasText: boldText })).toBeVisible();

		await giulia.context().close();
		await expect(presenceOf(marco, 'coordinator')).toHaveCount(0, { timeout: 45_000 });
		await marco.context().close();
	});

	test('the editor and its toolbar work from the keyboard alone', async ({ page }) => {
		await signIn(page, 'editorGrandeCasa');
		await openDemoProject(page);
		const editor = await liveNotes(page);
		const toolbar = page.getByRole('toolbar', { name: 'Formattazione del testo' });

		// Shortcuts: bold on, type, bold off. The shared notes may end in bold (other tests), so
		// start from "not bold" as the toolbar reports it.
		await typeAtEnd(page, editor, 'Tasti: ');
		const bold = toolbar.getByRole('button', { name: 'Grassetto' });
		if ((await bold.getAttribute('aria-pressed')) === 'true') {
			await page.keyboard.press('Control+b');
		}
		await expect(bold).toHaveAttribute('aria-pressed', 'false');
		await page.keyboard.press('Control+b');
		await expect(bold).toHaveAttribute('aria-pressed', 'true');
		const strong = unique('forte');
		await page.keyboard.type(strong);
		await page.keyboard.press('Control+b');
		await expect(editor.locator('strong', { hasText: strong })).toBeVisible();

		// Ctrl+K opens the link form on the selected word; Enter applies it. Select the word
		// character by character: Shift+Home depends on where the line wraps, and other tests
		// write in the same shared notes at the same time.
		for (let i = 0; i < strong.length; i++) await page.keyboard.press('Shift+ArrowLeft');
		await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(strong);
		await page.keyboard.press('Control+k');
		const address = page.getByLabel('Indirizzo del collegamento');
		await expect(address).toBeFocused();
		await address.fill('javascript:alert(1)');
		await page.keyboard.press('Enter');
		await expect(page.getByText('Inserisci un indirizzo che inizi con')).toBeVisible();
		await expect(address).toHaveAttribute('aria-invalid', 'true');
		await address.fill('www.comune.example.it');
		await page.keyboard.press('Enter');
		await expect(editor.locator('a[href="https://www.comune.example.it/"]')).toBeVisible();

		// The toolbar is one tab stop; arrows move inside it; Enter presses.
		await toolbar.getByRole('button', { name: 'Grassetto' }).focus();
		await page.keyboard.press('ArrowRight');
		await expect(toolbar.getByRole('button', { name: 'Corsivo' })).toBeFocused();
		await page.keyboard.press('End');
		await expect(toolbar.getByRole('button', { name: 'Collegamento' })).toBeFocused();
		await page.keyboard.press('Home');
		await expect(toolbar.getByRole('button', { name: 'Grassetto' })).toBeFocused();
		await expect(toolbar.locator('button[tabindex="0"]')).toHaveCount(1);
	});

	test('edits made offline are kept and arrive when the connection is back', async ({
		browser
	}) => {
		const giulia = await personInNewContext(browser, 'coordinator');
		const davide = await personInNewContext(browser, 'editorPromos');
		await openDemoProject(giulia);
		await openDemoProject(davide);
		const giuliaEditor = await liveNotes(giulia);
		const davideEditor = await liveNotes(davide);
		const status = davide.getByTestId('connection-status');

		await davide.context().setOffline(true);
		await expect(status).toHaveText('Offline');
		await expect(davide.getByText('Le modifiche fatte restano in questa pagina')).toBeVisible();
		const offline = unique('Scritto senza rete');
		await typeAtEnd(davide, davideEditor, offline);
		await expect(davideEditor).toContainText(offline);

		await davide.context().setOffline(false);
		await expect(status).toHaveText('Connesso');
		await expect(giuliaEditor).toContainText(offline);
		await giulia.context().close();
		await davide.context().close();
	});

	test('an observer reads the notes but cannot change them', async ({ browser }) => {
		const giulia = await personInNewContext(browser, 'coordinator');
		const silvia = await personInNewContext(browser, 'observer');
		await openDemoProject(giulia);
		await openDemoProject(silvia);
		const giuliaEditor = await liveNotes(giulia);
		const silviaEditor = await liveNotes(silvia);

		const text = unique('Per chi osserva');
		await typeAtEnd(giulia, giuliaEditor, text);
		await expect(silviaEditor).toContainText(text);

		await expect(silviaEditor).toHaveAttribute('contenteditable', 'false');
		await expect(silviaEditor).toHaveAttribute('aria-readonly', 'true');
		await expect(silvia.getByText('Sola lettura')).toBeVisible();
		await expect(silvia.getByRole('toolbar')).toHaveCount(0);
		await expectNoSeriousA11yViolations(silvia);

		await silviaEditor.click();
		await silvia.keyboard.type('non dovrebbe comparire');
		await expect(silviaEditor).not.toContainText('non dovrebbe comparire');
		// Giulia's later edit reaching Silvia shows the link is live while Silvia's typing went nowhere.
		const later = unique('Ancora Giulia');
		await typeAtEnd(giulia, giuliaEditor, later);
		await expect(silviaEditor).toContainText(later);
		await expect(giuliaEditor).not.toContainText('non dovrebbe comparire');
		await giulia.context().close();
		await silvia.context().close();
	});
});
