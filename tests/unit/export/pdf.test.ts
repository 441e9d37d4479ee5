import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { renderPdf } from '../../../src/lib/server/export/pdf';
import type {
	Block,
	ExportDocument,
	TableRow
} from '../../../src/lib/server/export/document-model';

const cell = (text: string, header = false) => ({
	header,
	colspan: 1,
	rowspan: 1,
	blocks: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }]
});

const longTable: Block = {
	type: 'table',
	rows: [
		{ header: true, cells: [cell('Comune', true), cell('Residenti', true)] },
		...Array.from({ length: 90 }, (_, i): TableRow => ({
			header: false,
			cells: [cell(`Comune ${i + 1}`), cell(String(i))]
		}))
	]
};

const document: ExportDocument = {
	title: 'Verbale',
	language: 'en-GB',
	facts: [{ label: 'Body', value: 'Cabina di regia' }],
	sections: [
		{
			number: '1',
			title: 'Population',
			blocks: [
				{
					type: 'paragraph',
					content: [
						{ type: 'text', text: 'See ' },
						{ type: 'text', text: 'the call', link: 'https://example.org/avviso' }
					]
				},
				longTable
			]
		}
	],
	labels: {
		contents: 'Contents',
		notes: 'Comments',
		resolved: 'resolved',
		generatedOn: 'Generated on',
		changesLegend: 'Legend'
	},
	generatedAt: new Date('2026-03-05T10:00:00Z')
};

/** Each page's text, grouped by the marked content holding it: tagged (with an id) or artifact. */
async function pages(bytes: Uint8Array) {
	const pdf = await getDocument({ data: bytes, useSystemFonts: false }).promise;
	const out = [];
	for (let n = 1; n <= pdf.numPages; n++) {
		const page = await pdf.getPage(n);
		const marked: { tag: string; tagged: boolean; text: string }[] = [];
		const items = (await page.getTextContent({ includeMarkedContent: true })).items;
		for (const item of items) {
			if ('type' in item && item.type === 'beginMarkedContentProps') {
				const { tag, id } = item as { tag?: string; id?: string | null };
				marked.push({ tag: String(tag), tagged: Boolean(id), text: '' });
			} else if ('str' in item && marked.length > 0) {
				marked[marked.length - 1].text += item.str;
			}
		}
		out.push({ marked, annotations: await page.getAnnotations() });
	}
	return { pdf, pages: out };
}

describe('tagged PDF writer', () => {
	it('repeats header rows on every page as artifacts: tagged once, seen everywhere', async () => {
		const { pdf, pages: all } = await pages(await renderPdf(document));
		expect(pdf.numPages).toBeGreaterThanOrEqual(4);
		const holding = (page: (typeof all)[number], text: string) =>
			page.marked.filter((m) => m.text.includes(text));
		const [first, ...continued] = all.slice(1);
		// On the table's first page the header row is content, tagged (TH, read once)…
		expect(holding(first, 'Residenti')).toEqual([
			expect.objectContaining({ tag: 'P', tagged: true })
		]);
		// …and on every following page it is drawn again as an artifact, not read again.
		for (const page of continued) {
			expect(holding(page, 'Residenti')).toEqual([
				expect.objectContaining({ tag: 'Artifact', tagged: false })
			]);
		}
		// Page numbers on every page, as artifacts.
		all.forEach((page, index) =>
			expect(holding(page, `${index + 1} / ${pdf.numPages}`)).toEqual([
				expect.objectContaining({ tag: 'Artifact' })
			])
		);
		expect(holding(all.at(-1)!, 'Comune 90')[0]).toMatchObject({ tagged: true });
	});

	it('keeps links as link annotations, and the document language', async () => {
		const { pdf, pages: all } = await pages(await renderPdf(document));
		const links = all.flatMap((page) => page.annotations).filter((a) => a.subtype === 'Link');
		expect(links.map((link) => link.url)).toEqual(['https://example.org/avviso']);
		const { info } = (await pdf.getMetadata()) as unknown as {
			info: { Language: string; Title: string };
		};
		expect(info).toMatchObject({ Language: 'en-GB', Title: 'Verbale' });
	});

	it('sizes columns by content: a cronoprogramma keeps "M18" whole and the titles readable', async () => {
		const months = Array.from({ length: 18 }, (_, i) => cell(`M${i + 1}`, true));
		const crono: Block = {
			type: 'table',
			rows: [
				{ header: true, cells: [cell('Azione', true), ...months] },
				{
					header: false,
					cells: [
						cell('Cabina di regia, coordinamento e coprogettazione'),
						...months.map(() => cell('X'))
					]
				}
			]
		};
		const bytes = await renderPdf({
			...document,
			sections: [{ number: '6', title: 'Tempi', blocks: [crono] }]
		});
		const pdf = await getDocument({ data: bytes, useSystemFonts: false }).promise;
		const page = await pdf.getPage(2);
		const strings = (await page.getTextContent()).items.map((item) =>
			'str' in item ? item.str : ''
		);
		for (let month = 1; month <= 18; month++) expect(strings).toContain(`M${month}`);
		expect(strings.some((text) => /\bcoordinamento\b/.test(text))).toBe(true);
	});

	it('reports each section laid out, for the progress of the job', async () => {
		const reports: [number, number][] = [];
		const sections = ['Uno', 'Due', 'Tre'].map((title, i) => ({
			number: String(i + 1),
			title,
			blocks: []
		}));
		await renderPdf({ ...document, sections }, (done, total) => reports.push([done, total]));
		expect(reports).toEqual([
			[0, 3],
			[1, 3],
			[2, 3],
			[3, 3]
		]);
	});
});
