import { csvKey, readCsv, unneutralise, type CsvError, type FileProblem } from '../csv/read-csv';
import { ALL_KINDS } from './organisation-kinds';
import { PARTNERSHIP_ROLES } from './partnership-form';
import { normaliseTaxNumber, taxNumberProblem } from './tax-codes';

/**
 * CSV import of organisations and relations (issue 10): parse with papaparse (the project's CSV
 * library, ADR 0064), check every row, and say per row and column what is wrong. Nothing here
 * writes: the server stages the file, shows this preview, and writes all rows or none.
 *
 * Row numbers are the file's line numbers (the header is line 1), as a spreadsheet shows them.
 */

export const ORGANISATION_COLUMNS = [
	'nome',
	'nome_breve',
	'tipo',
	'codice_fiscale',
	'partita_iva',
	'pec',
	'email',
	'telefono',
	'territori',
	'ruolo'
] as const;
export const RELATION_COLUMNS = ['da', 'a', 'tipo', 'etichetta', 'dal', 'al'] as const;
/** Relations a file may carry; partnership, co-action and decision links are derived, not stored. */
export const IMPORTED_RELATION_KINDS = [
	'agreement',
	'referral',
	'internship',
	'lab',
	'other'
] as const;

export type ImportProblem =
	| FileProblem
	| 'required'
	| 'kind_unknown'
	| 'role_unknown'
	| 'tax_format'
	| 'tax_check_digit'
	| 'duplicate_in_file'
	| 'duplicate_in_register'
	| 'territory_unknown'
	| 'email_invalid'
	| 'too_long'
	| 'organisation_unknown'
	| 'same_organisation'
	| 'relation_kind_unknown'
	| 'date_invalid'
	| 'dates_order';

export type ImportError = CsvError<ImportProblem>;

export interface OrganisationRow {
	row: number;
	/** The file's cells in column order, for the preview. */
	cells: string[];
	name: string;
	shortName: string | null;
	kind: (typeof ALL_KINDS)[number];
	taxCode: string | null;
	vatNumber: string | null;
	pec: string | null;
	email: string | null;
	phone: string | null;
	districtIds: string[];
	role: (typeof PARTNERSHIP_ROLES)[number];
}

export interface RelationRow {
	row: number;
	cells: string[];
	sourceId: string;
	targetId: string;
	kind: (typeof IMPORTED_RELATION_KINDS)[number];
	label: string;
	fromDate: string | null;
	toDate: string | null;
}

export interface Checked<R> {
	rows: R[];
	errors: ImportError[];
}

/** Enough for a programme's register; a bigger file is refused, not half-read. */
export const MAX_IMPORT_ROWS = 20_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const key = csvKey;

const parse = (
	text: string,
	expected: readonly string[],
	required: readonly string[]
): { records: Record<string, string>[]; errors: ImportError[] } =>
	readCsv(text, { expected, required, maxRows: MAX_IMPORT_ROWS });

/** The register's lookups an organisation file is checked against. */
export interface OrganisationContext {
	/** District names (lower case) → id. */
	districtByName: ReadonlyMap<string, string>;
	/** Codici fiscali and partite IVA already in the register. */
	knownCodes: ReadonlySet<string>;
}

export function checkOrganisations(
	text: string,
	context: OrganisationContext
): Checked<OrganisationRow> {
	const { records, errors } = parse(text, ORGANISATION_COLUMNS, ['nome', 'tipo']);
	const rows: OrganisationRow[] = [];
	const seen = new Set<string>();
	records.forEach((record, index) => {
		const row = index + 2;
		const before = errors.length;
		const cell = (c: string) => unneutralise((record[c] ?? '').trim());
		const fail = (column: string, problem: ImportProblem, value = cell(column)) =>
			errors.push({ row, column, problem, value });
		const name = cell('nome');
		if (!name) fail('nome', 'required');
		else if (name.length > 300) fail('nome', 'too_long', name.slice(0, 40));
		const kind = cell('tipo');
		if (!(ALL_KINDS as readonly string[]).includes(kind)) {
			fail('tipo', kind ? 'kind_unknown' : 'required');
		}
		const role = cell('ruolo') || 'network_member';
		if (!(PARTNERSHIP_ROLES as readonly string[]).includes(role)) fail('ruolo', 'role_unknown');
		const codes: Record<string, string | null> = {};
		for (const column of ['codice_fiscale', 'partita_iva']) {
			const raw = cell(column);
			if (!raw) {
				codes[column] = null;
				continue;
			}
			const code = normaliseTaxNumber(raw);
			codes[column] = code;
			const problem = taxNumberProblem(code);
			if (problem) fail(column, problem === 'format' ? 'tax_format' : 'tax_check_digit');
			else if (context.knownCodes.has(code)) fail(column, 'duplicate_in_register');
		}
		// The same body may give one number as both codes; two rows may not share one.
		for (const code of new Set(Object.values(codes).filter((c): c is string => c !== null))) {
			if (seen.has(code)) {
				fail(codes.codice_fiscale === code ? 'codice_fiscale' : 'partita_iva', 'duplicate_in_file');
			}
			seen.add(code);
		}
		for (const column of ['pec', 'email']) {
			if (cell(column) && !EMAIL.test(cell(column))) fail(column, 'email_invalid');
		}
		const districtIds: string[] = [];
		for (const territory of cell('territori')
			.split('|')
			.map((t) => t.trim())
			.filter(Boolean)) {
			const id = context.districtByName.get(key(territory));
			if (id) districtIds.push(id);
			else fail('territori', 'territory_unknown', territory);
		}
		if (errors.length > before) return;
		rows.push({
			row,
			cells: ORGANISATION_COLUMNS.map(cell),
			name,
			shortName: cell('nome_breve') || null,
			kind: kind as OrganisationRow['kind'],
			taxCode: codes.codice_fiscale,
			vatNumber: codes.partita_iva,
			pec: cell('pec') || null,
			email: cell('email') || null,
			phone: cell('telefono').slice(0, 40) || null,
			districtIds: [...new Set(districtIds)],
			role: role as OrganisationRow['role']
		});
	});
	return { rows: errors.length > 0 ? [] : rows, errors };
}

/** The project's organisations a relation file may name: by codice fiscale, partita IVA or name. */
export interface RelationContext {
	organisationByRef: ReadonlyMap<string, string>;
}

export function checkRelations(text: string, context: RelationContext): Checked<RelationRow> {
	const { records, errors } = parse(text, RELATION_COLUMNS, ['da', 'a', 'tipo']);
	const rows: RelationRow[] = [];
	records.forEach((record, index) => {
		const row = index + 2;
		const before = errors.length;
		const cell = (c: string) => unneutralise((record[c] ?? '').trim());
		const fail = (column: string, problem: ImportProblem, value = cell(column)) =>
			errors.push({ row, column, problem, value });
		const ends: Record<string, string | undefined> = {};
		for (const column of ['da', 'a']) {
			const ref = cell(column);
			if (!ref) {
				fail(column, 'required');
				continue;
			}
			ends[column] =
				context.organisationByRef.get(normaliseTaxNumber(ref)) ??
				context.organisationByRef.get(key(ref));
			if (!ends[column]) fail(column, 'organisation_unknown');
		}
		if (ends.da && ends.da === ends.a) fail('a', 'same_organisation');
		const kind = cell('tipo');
		if (!(IMPORTED_RELATION_KINDS as readonly string[]).includes(kind)) {
			fail('tipo', kind ? 'relation_kind_unknown' : 'required');
		}
		const dates: Record<string, string | null> = {};
		for (const column of ['dal', 'al']) {
			const value = cell(column);
			dates[column] = value || null;
			if (value && (!DAY.test(value) || Number.isNaN(Date.parse(value)))) {
				fail(column, 'date_invalid');
			}
		}
		if (dates.dal && dates.al && dates.dal > dates.al) fail('al', 'dates_order');
		const label = cell('etichetta');
		if (label.length > 500) fail('etichetta', 'too_long', label.slice(0, 40));
		if (errors.length > before) return;
		rows.push({
			row,
			cells: RELATION_COLUMNS.map(cell),
			sourceId: ends.da!,
			targetId: ends.a!,
			kind: kind as RelationRow['kind'],
			label,
			fromDate: dates.dal,
			toDate: dates.al
		});
	});
	return { rows: errors.length > 0 ? [] : rows, errors };
}
