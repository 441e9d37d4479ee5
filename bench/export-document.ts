import type { Block, ExportDocument } from '../src/lib/server/export/document-model';

const words =
	'il progetto accompagna giovani e adulti fragili verso il lavoro con tirocini orientamento e tutoring nei comuni del territorio'.split(
		' '
	);

function sentence(seed: number, length: number): string {
	return Array.from({ length }, (_, i) => words[(seed * 7 + i * 3) % words.length]).join(' ');
}

const cell = (text: string, header = false) => ({
	header,
	colspan: 1,
	rowspan: 1,
	blocks: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }]
});

/** A long proposal: `sections` sections of eight paragraphs and a twelve-row table each. */
export function longProposal(sections: number): ExportDocument {
	return {
		title: 'Proposta progettuale — Rete per il lavoro',
		language: 'it-IT',
		facts: [{ label: 'Progetto', value: 'Rete per il lavoro' }],
		sections: Array.from({ length: sections }, (_, index) => ({
			number: String(index + 1),
			title: `Sezione ${index + 1}`,
			blocks: [
				...Array.from({ length: 8 }, (_, p): Block => ({
					type: 'paragraph',
					content: [{ type: 'text', text: sentence(index * 8 + p, 60) }]
				})),
				{
					type: 'table',
					rows: [
						{ header: true, cells: [cell('Comune', true), cell('Persone', true)] },
						...Array.from({ length: 12 }, (_, r) => ({
							header: false,
							cells: [cell(`Comune ${r + 1}`), cell(String(10 + r))]
						}))
					]
				}
			]
		})),
		labels: {
			contents: 'Indice',
			notes: 'Commenti',
			resolved: 'risolto',
			generatedOn: 'Generato il',
			changesLegend: 'Legenda'
		},
		generatedAt: new Date('2026-12-02T08:00:00Z'),
		running: { header: 'Rete per il lavoro', page: 'Pagina', of: 'di' }
	};
}
