import { expect, test, type Browser, type Page } from '@playwright/test';
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

/**
 * Offline editing of proposal sections (ADR 0093): the text written without a connection is
 * kept in the browser, counted in the canvas's connection state, delivered when the connection
 * returns and stored by the server (ADR 0095 checks a suggester's part of it).
 */
let proposalUrl = '';

test.beforeAll(async ({ browser }) => {
	const page = await personInNewContext(browser, 'coordinator');
	proposalUrl = await createProposal(page);
	// A&I (Marco's cooperative) owns section 1; section 3 has no owner, so Elena suggests there.
	await openCanvas(page, proposalUrl);
	const first = section(page, '1');
	await first.getByText('Cambia i responsabili').click();
	await first.getByLabel('A&I Società Cooperativa Sociale Onlus').check();
	await first.getByRole('button', { name: 'Salva i responsabili' }).click();
	await expect(first).toContainText('Responsabili: A&I');
	await page.context().close();
});

async function goOffline(page: Page) {
	await page.context().setOffline(true);
	await expect(page.getByTestId('canvas-connection')).toHaveText(
		'Non in linea: 0 modifiche locali in attesa'
	);
}

async function comeBack(page: Page) {
	await page.context().setOffline(false);
	await expect(page.getByTestId('canvas-connection')).toHaveText(/Connesso/, { timeout: 30_000 });
}

async function twoPeople(browser: Browser, writer: Parameters<typeof personInNewContext>[1]) {
	const giulia = await personInNewContext(browser, 'coordinator');
	const partner = await personInNewContext(browser, writer);
	await openCanvas(giulia, proposalUrl);
	await openCanvas(partner, proposalUrl);
	return { giulia, partner };
}

test('a section owner writes offline; the text arrives when back and survives a reload', async ({
	browser
}) => {
	const { giulia, partner: marco } = await twoPeople(browser, 'editorAi');
	await goOffline(marco);
	const text = unique('Scritto senza rete');
	await typeAtEnd(marco, sectionEditor(marco, '1'), text);
	await expect(sectionEditor(marco, '1')).toContainText(text);
	await expect(marco.getByTestId('canvas-connection')).toHaveText(
		/^Non in linea: [1-9]\d* modifiche locali in attesa$/
	);
	// Nothing reached the other person while offline.
	await expect(sectionEditor(giulia, '1')).not.toContainText(text);

	await comeBack(marco);
	await expect(sectionEditor(giulia, '1')).toContainText(text);
	await giulia.reload();
	await openCanvas(giulia, proposalUrl);
	await expect(sectionEditor(giulia, '1')).toContainText(text);
	await marco.reload();
	await expect(sectionEditor(marco, '1')).toContainText(text);
	await giulia.context().close();
	await marco.context().close();
});

test('a partner’s suggestions written offline arrive as suggestions signed with her name', async ({
	browser
}) => {
	const { giulia, partner: elena } = await twoPeople(browser, 'editorGrandeCasa');
	await goOffline(elena);
	const text = unique('Proposta senza rete');
	await typeAtEnd(elena, sectionEditor(elena, '3'), text);
	await expect(elena.getByTestId('canvas-connection')).toHaveText(
		/^Non in linea: [1-9]\d* modifiche locali in attesa$/
	);

	await comeBack(elena);
	const suggested = section(giulia, '3').locator('ins.suggestion-ins', {
		hasText: text.split(' ')[0]
	});
	await expect(suggested.first()).toHaveAttribute(
		'data-author',
		demoPerson('editorGrandeCasa').name
	);
	await giulia.reload();
	await openCanvas(giulia, proposalUrl);
	await expect(sectionEditor(giulia, '3')).toContainText(text);
	// The server took it: the connection was never refused.
	await expect(elena.getByText(/qui puoi solo proporre modifiche/)).toHaveCount(0);
	await giulia.context().close();
	await elena.context().close();
});
