import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { demoPerson } from '../support/demo-people';
import { personInNewContext } from '../support/session';
import { demoUuid, DEMO_PROJECT_ID } from '../../../src/lib/server/demo/ids';
import {
	createProposal,
	openCanvas,
	section,
	sectionEditor,
	typeAtEnd,
	unique
} from './canvas-support';

// Several people in their own browsers, one after another: about a minute of real work.
test.slow(true, 'multi-person flows');

test('two people type in a section; the history names each passage’s author', async ({
	browser
}) => {
	const giulia = await personInNewContext(browser, 'coordinator');
	const url = await createProposal(giulia);
	await openCanvas(giulia, url);
	const hers = unique('Analisi del capofila');
	await typeAtEnd(giulia, sectionEditor(giulia, '1'), hers);

	const marco = await personInNewContext(browser, 'editorAi');
	await openCanvas(marco, url);
	await expect(sectionEditor(marco, '1')).toContainText(hers);
	const his = unique('Dati del partner');
	await typeAtEnd(marco, sectionEditor(marco, '1'), ` ${his}`);
	// What Giulia's editor received, the server has stored.
	await expect(sectionEditor(giulia, '1')).toContainText(his);

	// On the canvas: the section's own "show authors", opened from the keyboard.
	const toggle = section(giulia, '1').getByText('Mostra chi ha scritto cosa in questa sezione');
	await toggle.focus();
	await giulia.keyboard.press('Enter');
	const inCanvas = section(giulia, '1').getByTestId('author-legend-item');
	await expect(inCanvas.filter({ hasText: demoPerson('editorAi').name })).toHaveCount(1);
	await expect(inCanvas.filter({ hasText: demoPerson('coordinator').name })).toHaveCount(1);

	await giulia.getByRole('link', { name: 'Chi ha scritto cosa' }).click();
	const view = giulia.getByTestId('who-wrote-what');
	await expect(view.getByRole('heading', { level: 2 })).toContainText('Chi ha scritto cosa');
	const legend = view.getByTestId('author-legend-item');
	await expect(legend.filter({ hasText: demoPerson('coordinator').name })).toHaveCount(1);
	await expect(legend.filter({ hasText: demoPerson('editorAi').name })).toHaveCount(1);
	const passage = (text: string) => view.locator('.authored', { hasText: text.split(' ').at(-1)! });
	await expect(passage(hers)).toHaveAttribute('title', new RegExp(demoPerson('coordinator').name));
	await expect(passage(his)).toHaveAttribute('title', new RegExp(demoPerson('editorAi').name));
	// The author is said in words, not only by colour: initials in the text, names for readers.
	await expect(passage(his).locator('.author-tag')).toContainText(
		`Scritto da ${demoPerson('editorAi').name}`
	);

	// Keyboard: highlight only Marco's passages.
	const highlight = view.getByRole('button', {
		name: `Evidenzia i passaggi di ${demoPerson('editorAi').name}`
	});
	await highlight.focus();
	await giulia.keyboard.press('Enter');
	await expect(highlight).toHaveAttribute('aria-pressed', 'true');
	await expect(passage(hers)).toHaveClass(/dimmed/);
	await expect(passage(his)).not.toHaveClass(/dimmed/);
	await expectNoSeriousA11yViolations(giulia);

	// Compared with an earlier version, the inserted words name who wrote them.
	await giulia.getByLabel('Nome della versione').fill(unique('Prima'));
	await giulia.getByRole('button', { name: 'Salva la versione' }).click();
	await openCanvas(marco, url);
	const more = unique('Aggiunta');
	await typeAtEnd(marco, sectionEditor(marco, '1'), ` ${more}`);
	// Polled: Marco's last keystrokes may still be on their way to the server.
	await expect
		.poll(
			async () => {
				await giulia.goto(`${url}/history`);
				await giulia.getByRole('link', { name: 'Confronta con il testo attuale' }).first().click();
				await giulia.getByRole('heading', { name: /Differenze tra/ }).waitFor();
				return giulia.locator('.changes ins.authored').allTextContents();
			},
			{ timeout: 30_000 }
		)
		.toContainEqual(expect.stringContaining(more.split(' ').at(-1)!));
	await expect(giulia.locator('.changes ins.authored').last()).toContainText(
		`inserito da ${demoPerson('editorAi').name}`
	);
	await expectNoSeriousA11yViolations(giulia);
	await giulia.context().close();
	await marco.context().close();
});

test('the demo proposal shows the partners who wrote it', async ({ browser }) => {
	const elena = await personInNewContext(browser, 'editorGrandeCasa');
	const proposalId = demoUuid('proposal:work-in-progress'); // DEMO_PROPOSAL_ID of the seed
	await elena.goto(`/projects/${DEMO_PROJECT_ID}/proposals/${proposalId}`);
	await elena.getByRole('link', { name: 'Chi ha scritto cosa' }).click();
	const legend = elena.getByTestId('author-legend-item');
	for (const key of ['editorGrandeCasa', 'coordinator', 'editorAi'] as const) {
		await expect(legend.filter({ hasText: demoPerson(key).name })).toHaveCount(1);
	}
	await expectNoSeriousA11yViolations(elena);
	await elena.context().close();
});
