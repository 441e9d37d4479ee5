import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as Y from 'yjs';
import { renderFile } from '../../../src/lib/server/export/formats';
import { minutesDocumentName } from '../../../src/lib/server/governance/minutes-document';
import { verbaleDocument } from '../../../src/lib/server/governance/verbale';
import { buildCommittee, startGovernanceRuntime } from '../governance/fixture';
import { suggestReplacement, typeInto } from '../governance/suggestions';

const { runtime, live } = await startGovernanceRuntime();

describe('verbale with amendments still pending', () => {
	it("exports a member's suggested replacement as a tracked change signed by them", async () => {
		const c = await buildCommittee(runtime);
		const name = minutesDocumentName(c.meeting.id);
		await live.write(name, typeInto(await live.read(name), 'Si approva il calendario di massima.'));
		const doc = await live.read(name);
		const before = Y.encodeStateVector(doc);
		// The amendment as the suggestion-mode plugin makes it in the member's browser.
		suggestReplacement(doc, c.member.person, 'di massima', 'definitivo');
		await live.write(name, Y.encodeStateAsUpdate(doc, before));
		const author = c.member.person.name;

		const document = await verbaleDocument(c.ctx(c.observer), c.meeting.id);
		const docx = strFromU8(
			unzipSync((await renderFile('docx', document, 'verbale')).bytes)['word/document.xml']
		);
		expect(docx).toMatch(
			new RegExp(
				`<w:del w:id="\\d+" w:author="${author}">.*?<w:delText[^>]*>di massima</w:delText>`
			)
		);
		expect(docx).toMatch(
			new RegExp(`<w:ins w:id="\\d+" w:author="${author}">.*?<w:t[^>]*>definitivo</w:t>`)
		);
		const odt = strFromU8(
			unzipSync((await renderFile('odt', document, 'verbale')).bytes)['content.xml']
		);
		expect(odt.match(new RegExp(`<dc:creator>${author}</dc:creator>`, 'g'))).toHaveLength(2);

		const pdf = await getDocument({
			data: (await renderFile('pdf', document, 'verbale')).bytes,
			useSystemFonts: false
		}).promise;
		let text = '';
		for (let n = 1; n <= pdf.numPages; n++) {
			const items = (await (await pdf.getPage(n)).getTextContent()).items;
			text += items.map((item) => ('str' in item ? item.str : '')).join('');
		}
		expect(text).toContain(`[− ${author}]`);
		expect(text).toContain(`[+ ${author}]`);
	});
});
