import { expect, test, type Browser } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { demoPerson } from '../support/demo-people';
import { personInNewContext } from '../support/session';
import {
	createProposal,
	openCanvas,
	section,
	sectionEditor,
	typeAtEnd,
	unique
} from './canvas-support';

let proposalUrl = '';

async function coordinator(browser: Browser) {
	return personInNewContext(browser, 'coordinator');
}

test.beforeAll(async ({ browser }) => {
	const page = await coordinator(browser);
	proposalUrl = await createProposal(page);
	// A&I (Marco's cooperative) owns section 1, so both Giulia and Marco write there directly.
	await openCanvas(page, proposalUrl);
	const first = section(page, '1');
	await first.getByText('Cambia i responsabili').click();
	await first.getByLabel('A&I Società Cooperativa Sociale Onlus').check();
	await first.getByRole('button', { name: 'Salva i responsabili' }).click();
	await expect(first).toContainText('Responsabili: A&I');
	await page.context().close();
});

test('two people type in the same section at once and end with the same text', async ({
	browser
}) => {
	const giulia = await coordinator(browser);
	const marco = await personInNewContext(browser, 'editorAi');
	await openCanvas(giulia, proposalUrl);
	await openCanvas(marco, proposalUrl);
	const giuliaEditor = sectionEditor(giulia, '1');
	const marcoEditor = sectionEditor(marco, '1');
	await giuliaEditor.click();
	await marcoEditor.click();

	const fromGiulia = unique('Giulia scrive');
	const fromMarco = unique('Marco scrive');
	await Promise.all([
		giulia.keyboard.type(fromGiulia, { delay: 15 }),
		marco.keyboard.type(fromMarco, { delay: 15 })
	]);
	for (const editor of [giuliaEditor, marcoEditor]) {
		await expect(editor).toContainText(fromGiulia);
		await expect(editor).toContainText(fromMarco);
	}
	// The same text on both sides, carets (which carry names) aside.
	const textOf = (editor: typeof giuliaEditor) =>
		editor.evaluate((element) => {
			const copy = element.cloneNode(true) as HTMLElement;
			copy.querySelectorAll('.collab-caret').forEach((caret) => caret.remove());
			return copy.textContent;
		});
	await expect
		.poll(async () => (await textOf(giuliaEditor)) === (await textOf(marcoEditor)))
		.toBe(true);

	// The other's caret carries their name; the presence bar says where each one is writing.
	await expect(
		giulia.locator('.collab-caret-label', { hasText: demoPerson('editorAi').name })
	).toBeVisible();
	await expect(section(giulia, '1').getByTestId('section-presence')).toContainText(
		demoPerson('editorAi').name
	);
	await giulia.context().close();
	await marco.context().close();
});

test('a comment made by one person appears for the other without reloading', async ({
	browser
}) => {
	const giulia = await coordinator(browser);
	const marco = await personInNewContext(browser, 'editorAi');
	await openCanvas(giulia, proposalUrl);
	await openCanvas(marco, proposalUrl);
	const editor = sectionEditor(giulia, '2');
	await typeAtEnd(giulia, editor, 'Giovani inoccupati del Rhodense');
	await giulia.keyboard.press('Shift+Home');
	const second = section(giulia, '2');
	await second.getByTestId('comment-selection').click();
	const body = unique('Serve un dato per Comune');
	await second.getByLabel('Il tuo commento').fill(body);
	await second.getByRole('button', { name: 'Invia il commento' }).click();
	await expect(second.locator('.comments')).toContainText(body);
	await expect(second.locator('.comment-anchor')).toContainText('Giovani inoccupati');

	await expect(section(marco, '2').locator('.comments')).toContainText(body);
	await expect(section(marco, '2').getByTestId('comment-count')).toContainText('1');
	await expect(section(marco, '2').locator('.comment-anchor')).toContainText('Giovani');

	// Marco replies; Giulia sees the reply, then resolves the thread for both.
	const reply = unique('Dato in arrivo');
	await section(marco, '2').getByLabel('Rispondi').fill(reply);
	await section(marco, '2').getByRole('button', { name: 'Invia', exact: true }).click();
	await expect(second.locator('.comments')).toContainText(reply);
	await second.getByRole('button', { name: 'Segna come risolto' }).click();
	await expect(section(marco, '2').getByTestId('comment-count')).toContainText('0');
	await expect(section(marco, '2').locator('.comment-anchor')).toHaveCount(0);
	await giulia.context().close();
	await marco.context().close();
});

test('a partner who does not own a section writes suggestions the coordinator accepts', async ({
	browser
}) => {
	const elena = await personInNewContext(browser, 'editorGrandeCasa');
	const giulia = await coordinator(browser);
	await openCanvas(elena, proposalUrl);
	await openCanvas(giulia, proposalUrl);
	await expect(section(elena, '3').getByText(/le tue modifiche diventano proposte/)).toBeVisible();
	const text = unique('Proposta di Elena');
	await typeAtEnd(elena, sectionEditor(elena, '3'), text);
	const suggested = section(giulia, '3').locator('ins.suggestion-ins', {
		hasText: text.split(' ')[0]
	});
	await expect(suggested.first()).toHaveAttribute(
		'data-author',
		demoPerson('editorGrandeCasa').name
	);
	await section(giulia, '3').getByRole('button', { name: 'Accetta', exact: true }).first().click();
	await expect(section(giulia, '3').locator('ins.suggestion-ins')).toHaveCount(0);
	await expect(sectionEditor(elena, '3')).toContainText(text);
	await expect(section(elena, '3').locator('ins.suggestion-ins')).toHaveCount(0);
	await elena.context().close();
	await giulia.context().close();
});

test('an observer reads the canvas but cannot type', async ({ browser }) => {
	const silvia = await personInNewContext(browser, 'observer');
	await openCanvas(silvia, proposalUrl);
	const editor = sectionEditor(silvia, '1');
	await expect(editor).toHaveAttribute('contenteditable', 'false');
	await expect(editor).toHaveAttribute('aria-readonly', 'true');
	const before = await editor.innerText();
	await editor.click();
	await silvia.keyboard.type('non dovrebbe comparire');
	expect(await editor.innerText()).toBe(before);
	await expect(section(silvia, '1').getByTestId('comment-selection')).toHaveCount(0);
	await silvia.context().close();
});

test('a locked section is read-only for everyone, with a badge', async ({ browser }) => {
	const giulia = await coordinator(browser);
	const marco = await personInNewContext(browser, 'editorAi');
	await openCanvas(giulia, proposalUrl);
	await openCanvas(marco, proposalUrl);
	await section(giulia, '4').getByRole('button', { name: 'Blocca la sezione' }).click();
	await expect(section(giulia, '4').getByTestId('lock-badge')).toBeVisible();
	await expect(section(marco, '4').getByTestId('lock-badge')).toBeVisible();
	await expect(sectionEditor(marco, '4')).toHaveAttribute('contenteditable', 'false');
	await expect(sectionEditor(giulia, '4')).toHaveAttribute('contenteditable', 'false');
	await section(giulia, '4').getByRole('button', { name: 'Sblocca la sezione' }).click();
	await expect(sectionEditor(giulia, '4')).toHaveAttribute('contenteditable', 'true');
	// Status moves (allowed once unlocked) show for the other person at once too.
	await section(giulia, '4').getByRole('button', { name: 'Porta a «Bozza»' }).click();
	await expect(section(marco, '4').getByTestId('section-status')).toHaveText('Bozza');
	await giulia.context().close();
	await marco.context().close();
});

test('pasting 5 MB is refused with a message and pasted scripts never run', async ({ browser }) => {
	const giulia = await coordinator(browser);
	await openCanvas(giulia, proposalUrl);
	const editor = sectionEditor(giulia, '6');
	await typeAtEnd(giulia, editor, 'Testo da conservare');
	const paste = (data: Record<string, string>) =>
		editor.evaluate((element, entries) => {
			const transfer = new DataTransfer();
			for (const [type, value] of Object.entries(entries)) transfer.setData(type, value);
			element.dispatchEvent(
				new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true })
			);
		}, data);

	await paste({ 'text/plain': 'x'.repeat(5 * 1024 * 1024) });
	await expect(section(giulia, '6').getByRole('alert')).toContainText('non è stato inserito');
	await expect(editor).toHaveText('Testo da conservare');

	await paste({
		'text/plain': 'safe',
		'text/html':
			'<p>Incollato <b>sicuro</b></p><img src="x" onerror="window.__pwned=1"><script>window.__pwned=2</script>' +
			'<a href="javascript:window.__pwned=3" onclick="window.__pwned=4">link</a>'
	});
	await expect(editor).toContainText('Incollato sicuro');
	expect(
		await giulia.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)
	).toBeUndefined();
	await expect(
		editor.locator('script, img[onerror], [onclick], a[href^="javascript"]')
	).toHaveCount(0);
	await giulia.context().close();
});

test('the canvas has no serious accessibility violations', async ({ browser }) => {
	const giulia = await coordinator(browser);
	await openCanvas(giulia, proposalUrl);
	await expectNoSeriousA11yViolations(giulia);
	await giulia.context().close();
});
