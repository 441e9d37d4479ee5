import { resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, describe, expect, it } from 'vitest';
import { renderFile } from '../../../src/lib/server/export/formats';
import {
	createRenderWorkerPool,
	installRenderWorker,
	uninstallRenderWorker,
	type RenderFormat
} from '../../../src/lib/server/export/render-worker-pool';
import { longProposal } from '../../../bench/export-document';

/** The bundled worker, as production starts it (the integration suite runs on a fresh build). */
const WORKER = resolve('build/export-render-worker.js');
const pool = createRenderWorkerPool(WORKER);
afterAll(() => pool.stop());

async function pdfText(bytes: Uint8Array): Promise<string> {
	const pdf = await getDocument({ data: bytes, useSystemFonts: false }).promise;
	const parts: string[] = [];
	for (let number = 1; number <= pdf.numPages; number++) {
		const content = await (await pdf.getPage(number)).getTextContent();
		parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
	}
	return parts.join('\n');
}

describe('exports rendered in the worker thread', () => {
	it('gives a PDF, a DOCX and an ODT with the document in them, reporting progress', async () => {
		const document = longProposal(3);
		const progress: number[] = [];
		const pdf = await pool.render('pdf', document, (done) => progress.push(done));
		const docx = await pool.render('docx', document);
		const odt = await pool.render('odt', document);

		const text = await pdfText(pdf);
		expect(text).toContain('Sezione 3');
		expect(text).toContain('Comune 12');
		expect(progress.at(-1)).toBe(3);
		expect(strFromU8(unzipSync(docx)['word/document.xml'])).toContain('Sezione 2');
		expect(strFromU8(unzipSync(odt)['content.xml'])).toContain('Sezione 2');
		expect(pool.rendered).toBe(3);
	});

	it('renders exports asked at once, one after the other, each with its own bytes', async () => {
		const [first, second] = await Promise.all([
			pool.render('pdf', longProposal(1)),
			pool.render('pdf', longProposal(4))
		]);
		expect(await pdfText(first)).not.toContain('Sezione 4');
		expect(await pdfText(second)).toContain('Sezione 4');
	});

	it('fails an export that cannot render and goes on with the next', async () => {
		await expect(pool.render('rtf' as RenderFormat, longProposal(1))).rejects.toThrow();
		const pdf = await pool.render('pdf', longProposal(1));
		expect(await pdfText(pdf)).toContain('Sezione 1');
	});

	it('is where renderFile sends an export once the process has installed it', async () => {
		const installed = installRenderWorker(WORKER);
		try {
			const file = await renderFile('docx', longProposal(2), 'Proposta «Rete»');
			expect(file.filename).toBe('Proposta-Rete.docx');
			expect(strFromU8(unzipSync(file.bytes)['word/document.xml'])).toContain('Sezione 2');
			expect(installed.rendered).toBe(1);
		} finally {
			await uninstallRenderWorker();
		}
	});
});
