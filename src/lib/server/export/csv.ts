import Papa from 'papaparse';

/**
 * The project's CSV writer, shaped for Italian Excel: `;` between cells, decimal comma, a BOM so
 * accents survive, CRLF line ends, and every text cell that a spreadsheet would run as a formula
 * neutralised.
 */
export type CsvCell = string | number | null | undefined;

export interface CsvColumn<Row> {
	header: string;
	value: (row: Row) => CsvCell;
}

/**
 * A cell starting with = + - @ (or a tab or carriage return that hides one) is a formula to
 * Excel and LibreOffice: CSV injection. A leading apostrophe makes it text, as OWASP advises.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function neutraliseFormula(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Numbers with a decimal comma and no grouping, so Excel reads them back as numbers. */
export function formatCsvNumber(value: number): string {
	return String(value).replace('.', ',');
}

function cell(value: CsvCell): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? formatCsvNumber(value) : '';
	return neutraliseFormula(value);
}

export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
	const body = Papa.unparse(
		{
			fields: columns.map((c) => neutraliseFormula(c.header)),
			data: rows.map((row) => columns.map((c) => cell(c.value(row))))
		},
		{ delimiter: ';', newline: '\r\n', quotes: false, quoteChar: '"', escapeChar: '"' }
	);
	return `\uFEFF${body}\r\n`;
}
