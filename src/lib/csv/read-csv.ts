import Papa from 'papaparse';

/**
 * Reading an uploaded CSV for an import (papaparse, ADR 0064 and 0101): headers matched case- and
 * space-insensitively (and through aliases, e.g. English names of Italian columns), `;` `,` or tab
 * guessed, a BOM stripped. The problems of the file as a whole are found here; each import checks
 * its own rows. Row numbers are the file's line numbers (the header is line 1).
 */
export type FileProblem = 'columns_missing' | 'column_unknown' | 'empty_file' | 'too_many_rows';

export interface CsvError<P extends string = string> {
	/** Line in the file (1 = header); 0 for the file as a whole. */
	row: number;
	column: string | null;
	problem: P;
	/** The offending value (or the column names), to show beside the message. */
	value: string;
}

export const csvKey = (text: string) => text.trim().toLocaleLowerCase('it');

/** Our CSV writer puts an apostrophe before a would-be formula (ADR 0064): read it back without. */
export const unneutralise = (text: string) =>
	text.replace(/^'(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/, '');

export function readCsv(
	text: string,
	options: {
		expected: readonly string[];
		required: readonly string[];
		maxRows: number;
		/** Other accepted header → the column it stands for (both as `csvKey` gives them). */
		aliases?: Readonly<Record<string, string>>;
	}
): { records: Record<string, string>[]; errors: CsvError<FileProblem>[] } {
	const { expected, required, maxRows, aliases = {} } = options;
	const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
		header: true,
		skipEmptyLines: 'greedy',
		delimitersToGuess: [';', ',', '\t'],
		transformHeader: (h) => {
			const column = csvKey(h);
			return Object.hasOwn(aliases, column) ? aliases[column] : column;
		}
	});
	const fields = result.meta.fields ?? [];
	const errors: CsvError<FileProblem>[] = [];
	const missing = required.filter((c) => !fields.includes(c));
	if (missing.length > 0) {
		errors.push({ row: 1, column: null, problem: 'columns_missing', value: missing.join(', ') });
	}
	const unknown = fields.filter((f) => f !== '' && !expected.includes(f));
	if (unknown.length > 0) {
		errors.push({ row: 1, column: null, problem: 'column_unknown', value: unknown.join(', ') });
	}
	if (result.data.length === 0) {
		errors.push({ row: 0, column: null, problem: 'empty_file', value: '' });
	}
	if (result.data.length > maxRows) {
		errors.push({
			row: 0,
			column: null,
			problem: 'too_many_rows',
			value: String(result.data.length)
		});
	}
	return { records: errors.length > 0 ? [] : result.data, errors };
}
