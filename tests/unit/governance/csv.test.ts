import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { neutraliseFormula, toCsv } from '../../../src/lib/server/export/csv';

describe('neutraliseFormula', () => {
	it.each(['=SUM(A1:A2)', '+39 02 123', '-1+1', '@cmd', '\t=1', '\r=1', '＝1'])(
		'makes %j text',
		(cell) => {
			expect(neutraliseFormula(cell)).toBe(`'${cell}`);
		}
	);

	it.each(['Cabina di regia', '', '1,5', 'a=b', "l'ente"])('leaves %j alone', (cell) => {
		expect(neutraliseFormula(cell)).toBe(cell);
	});
});

describe('toCsv', () => {
	const columns = [
		{ header: 'Testo', value: (r: { text: string; share: number | null }) => r.text },
		{ header: 'Quota', value: (r: { text: string; share: number | null }) => r.share }
	];

	it('writes a BOM, semicolons, decimal commas and CRLF, and quotes what needs it', () => {
		const csv = toCsv(columns, [
			{ text: 'Avvio; prima fase', share: 12.5 },
			{ text: '=HYPERLINK("x")', share: null }
		]);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv).toBe('\uFEFFTesto;Quota\r\n"Avvio; prima fase";12,5\r\n"\'=HYPERLINK(""x"")";\r\n');
		const parsed = Papa.parse<string[]>(csv.slice(1).trim(), { delimiter: ';' });
		expect(parsed.data[1]).toEqual(['Avvio; prima fase', '12,5']);
	});
});
