import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
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

test('a pending suggestion is named in the print view and is a Word revision in the DOCX', async ({
	browser
}) => {
	const giulia = await personInNewContext(browser, 'coordinator');
	const url = await createProposal(giulia);
	const elena = await personInNewContext(browser, 'editorGrandeCasa');
	await openCanvas(elena, url);
	const text = unique('Proposta di Elena');
	await typeAtEnd(elena, sectionEditor(elena, '3'), text);
	const author = demoPerson('editorGrandeCasa').name;
	await expect(section(elena, '3').locator('ins.suggestion-ins')).toContainText(text);
	// The server relays a keystroke only once it is stored: when Giulia's canvas shows the whole
	// text, the server holds it, and the print view and the DOCX can read it.
	await openCanvas(giulia, url);
	await expect(section(giulia, '3').locator('ins.suggestion-ins')).toContainText(text);

	await giulia.goto(`${url}/print`);
	const printed = giulia.locator('.print-section').filter({ hasText: text });
	await expect(printed.locator('ins')).toHaveText(text);
	await expect(printed.locator('.suggestion-author')).toHaveText(`[+ ${author}]`);
	await expect(giulia.getByTestId('changes-legend')).toContainText('modifiche proposte');
	await expectNoSeriousA11yViolations(giulia);

	const docx = await giulia.request.get(`${url}/export/docx`);
	expect(docx.status()).toBe(200);
	const xml = strFromU8(unzipSync(new Uint8Array(await docx.body()))['word/document.xml']);
	const revision = new RegExp(`<w:ins w:id="\\d+" w:author="${author}">.*?${text}`);
	expect(xml).toMatch(revision);
	await elena.context().close();
	await giulia.context().close();
});
