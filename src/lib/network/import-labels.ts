import { m } from '$lib/paraglide/messages';
import type { ImportError, ImportProblem } from './csv-import';

/** One translated sentence per import problem, naming the row, the column and the value. */
const TEXT: Record<ImportProblem, (p: { row: number; column: string; value: string }) => string> = {
	columns_missing: m.network_import_problem_columns_missing,
	column_unknown: m.network_import_problem_column_unknown,
	empty_file: m.network_import_problem_empty_file,
	too_many_rows: m.network_import_problem_too_many_rows,
	required: m.network_import_problem_required,
	kind_unknown: m.network_import_problem_kind_unknown,
	role_unknown: m.network_import_problem_role_unknown,
	tax_format: m.network_import_problem_tax_format,
	tax_check_digit: m.network_import_problem_tax_check_digit,
	duplicate_in_file: m.network_import_problem_duplicate_in_file,
	duplicate_in_register: m.network_import_problem_duplicate_in_register,
	territory_unknown: m.network_import_problem_territory_unknown,
	email_invalid: m.network_import_problem_email_invalid,
	too_long: m.network_import_problem_too_long,
	organisation_unknown: m.network_import_problem_organisation_unknown,
	same_organisation: m.network_import_problem_same_organisation,
	relation_kind_unknown: m.network_import_problem_relation_kind_unknown,
	date_invalid: m.network_import_problem_date_invalid,
	dates_order: m.network_import_problem_dates_order
};

export function importProblemText(error: ImportError): string {
	return TEXT[error.problem]({ row: error.row, column: error.column ?? '', value: error.value });
}
