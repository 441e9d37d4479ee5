import { romeToday } from '../governance/rome-time';
import { m } from '$lib/paraglide/messages';
import { csvKey, readCsv, unneutralise, type CsvError, type FileProblem } from '../csv/read-csv';
import { caseCreateForm, type CaseCreateInput } from './case-form';
import { referralSourceLabel, targetCategoryLabel } from './pathway-labels';
import { REFERRAL_SOURCES, TARGET_CATEGORIES } from './pathway-values';

/**
 * CSV import of an organisation's existing case list (issue 11): read with papaparse, every row
 * checked with the same schema as the "new record" form, and each problem named by the file's
 * line and column. Nothing here writes; the server writes all rows or none (ADR 0170).
 *
 * Italian column names first; the English ones are accepted too. Coded values (target group,
 * referral source) may be given as the code or as the label the forms show, in either language.
 */
export const CASE_IMPORT_COLUMNS = [
	'nome_cognome',
	'codice_fiscale',
	'telefono',
	'email',
	'data_invio',
	'categoria',
	'comune',
	'inviante',
	'nota'
] as const;
export type CaseImportColumn = (typeof CASE_IMPORT_COLUMNS)[number];

const REQUIRED: readonly CaseImportColumn[] = ['nome_cognome', 'data_invio'];

/** English header → Italian column. */
export const CASE_IMPORT_ALIASES: Readonly<Record<string, CaseImportColumn>> = {
	full_name: 'nome_cognome',
	name: 'nome_cognome',
	fiscal_code: 'codice_fiscale',
	phone: 'telefono',
	referred_on: 'data_invio',
	target_category: 'categoria',
	municipality: 'comune',
	referral_source: 'inviante',
	note: 'nota'
};

/** An organisation's caseload, not a register: a bigger file is refused, not half-read. */
export const MAX_CASE_IMPORT_ROWS = 2_000;

export type CaseImportProblem =
	| FileProblem
	| 'required'
	| 'too_short'
	| 'too_long'
	| 'date_invalid'
	| 'date_in_future'
	| 'fiscal_code_invalid'
	| 'email_invalid'
	| 'target_unknown'
	| 'source_unknown'
	| 'municipality_unknown'
	| 'duplicate_in_file';

export type CaseImportError = CsvError<CaseImportProblem>;

export interface CaseImportRow {
	row: number;
	/** The file's cells in column order (coded values as labels), for the preview. */
	cells: string[];
	input: CaseCreateInput;
}

export interface CaseImportContext {
	/** The project's comuni, by lower-case name → id. */
	municipalityByName: ReadonlyMap<string, string>;
}

const LOCALES = ['it', 'en'] as const;
type Label = (inputs?: Record<string, never>, options?: { locale?: 'it' | 'en' }) => string;
const labels = m as unknown as Record<string, Label>;

/** Code → itself and its labels in both languages (lower case) → code. */
function lookup(codes: readonly string[], prefix: string): Map<string, string> {
	const map = new Map<string, string>();
	for (const code of codes) {
		map.set(csvKey(code), code);
		for (const locale of LOCALES) {
			const label = labels[`${prefix}${code}`]?.({}, { locale });
			if (label) map.set(csvKey(label), code);
		}
	}
	return map;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ITALIAN_DAY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** `AAAA-MM-GG` or `GG/MM/AAAA` (as Italian spreadsheets write it) → ISO day, or null. */
export function importDay(text: string): string | null {
	const italian = ITALIAN_DAY.exec(text);
	const day = italian
		? `${italian[3]}-${italian[2].padStart(2, '0')}-${italian[1].padStart(2, '0')}`
		: text;
	if (!ISO_DAY.test(day)) return null;
	const parsed = new Date(`${day}T00:00:00Z`);
	return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day ? day : null;
}

/** The schema's field → the file's column. */
const COLUMN_OF: Record<string, CaseImportColumn> = {
	fullName: 'nome_cognome',
	fiscalCode: 'codice_fiscale',
	phone: 'telefono',
	email: 'email',
	referredOn: 'data_invio',
	targetCategory: 'categoria',
	municipalityId: 'comune',
	referralSource: 'inviante',
	note: 'nota'
};

/** What a schema issue on a column means, beside "required", "too short" and "too long". */
const PROBLEM_OF: Partial<Record<CaseImportColumn, CaseImportProblem>> = {
	codice_fiscale: 'fiscal_code_invalid',
	email: 'email_invalid',
	data_invio: 'date_invalid',
	categoria: 'target_unknown',
	comune: 'municipality_unknown',
	inviante: 'source_unknown'
};

export function checkCases(
	text: string,
	context: CaseImportContext,
	today = romeToday()
): { rows: CaseImportRow[]; errors: CaseImportError[] } {
	const { records, errors: fileErrors } = readCsv(text, {
		expected: CASE_IMPORT_COLUMNS,
		required: REQUIRED,
		maxRows: MAX_CASE_IMPORT_ROWS,
		aliases: CASE_IMPORT_ALIASES
	});
	const errors: CaseImportError[] = [...fileErrors];
	const targets = lookup(TARGET_CATEGORIES, 'cases_target_');
	const sources = lookup(REFERRAL_SOURCES, 'cases_source_');
	const rows: CaseImportRow[] = [];
	const fiscalCodes = new Map<string, number>();
	records.forEach((record, index) => {
		const row = index + 2;
		const before = errors.length;
		const cell = (c: CaseImportColumn) => unneutralise((record[c] ?? '').trim());
		const fail = (column: CaseImportColumn, problem: CaseImportProblem, value = cell(column)) =>
			errors.push({ row, column, problem, value });

		const rawDay = cell('data_invio');
		const referredOn = rawDay ? importDay(rawDay) : null;
		if (!rawDay) fail('data_invio', 'required');
		else if (!referredOn) fail('data_invio', 'date_invalid');
		else if (referredOn > today) fail('data_invio', 'date_in_future');

		const coded = (
			column: CaseImportColumn,
			map: Map<string, string>,
			problem: CaseImportProblem
		) => {
			const value = cell(column);
			if (!value) return '';
			const code = map.get(csvKey(value));
			if (!code) fail(column, problem);
			return code ?? '';
		};
		const targetCategory = coded('categoria', targets, 'target_unknown');
		const referralSource = coded('inviante', sources, 'source_unknown');
		const town = cell('comune');
		const municipalityId = town ? context.municipalityByName.get(csvKey(town)) : '';
		if (town && !municipalityId) fail('comune', 'municipality_unknown');

		const parsed = caseCreateForm.safeParse({
			fullName: cell('nome_cognome'),
			fiscalCode: cell('codice_fiscale'),
			phone: cell('telefono'),
			email: cell('email'),
			referredOn: referredOn ?? today,
			targetCategory,
			municipalityId: municipalityId ?? '',
			referralSource,
			note: cell('nota')
		});
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const column = COLUMN_OF[String(issue.path[0])] ?? 'nome_cognome';
				// A value already reported above is not reported twice.
				if (errors.some((e) => e.row === row && e.column === column)) continue;
				const value = cell(column);
				const problem: CaseImportProblem =
					PROBLEM_OF[column] ??
					(issue.code === 'too_big' ? 'too_long' : value ? 'too_short' : 'required');
				fail(column, problem, problem === 'too_long' ? value.slice(0, 40) : value);
			}
		} else if (parsed.data.fiscalCode) {
			const first = fiscalCodes.get(parsed.data.fiscalCode);
			if (first) fail('codice_fiscale', 'duplicate_in_file', parsed.data.fiscalCode);
			else fiscalCodes.set(parsed.data.fiscalCode, row);
		}
		if (errors.length > before || !parsed.success) return;
		rows.push({
			row,
			cells: [
				parsed.data.fullName,
				parsed.data.fiscalCode ?? '',
				parsed.data.phone ?? '',
				parsed.data.email ?? '',
				parsed.data.referredOn,
				targetCategoryLabel(targetCategory || null),
				town,
				referralSourceLabel(referralSource || null),
				parsed.data.note
			],
			input: parsed.data
		});
	});
	return { rows: errors.length > 0 ? [] : rows, errors };
}
