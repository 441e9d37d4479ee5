import { m } from '$lib/paraglide/messages';
import type { CaseImportError, CaseImportProblem } from './csv-import';

type Text = (p: { row: number; column: string; value: string }) => string;

/** One translated sentence per problem of a case import, naming the row, the column and the value. */
const TEXT: Record<CaseImportProblem, Text> = {
	columns_missing: m.network_import_problem_columns_missing,
	column_unknown: m.network_import_problem_column_unknown,
	empty_file: m.network_import_problem_empty_file,
	too_many_rows: m.cases_import_problem_too_many_rows,
	required: m.network_import_problem_required,
	too_short: m.cases_import_problem_too_short,
	too_long: m.network_import_problem_too_long,
	date_invalid: m.cases_import_problem_date_invalid,
	date_in_future: m.cases_import_problem_date_in_future,
	fiscal_code_invalid: m.cases_import_problem_fiscal_code_invalid,
	email_invalid: m.network_import_problem_email_invalid,
	target_unknown: m.cases_import_problem_target_unknown,
	source_unknown: m.cases_import_problem_source_unknown,
	municipality_unknown: m.cases_import_problem_municipality_unknown,
	duplicate_in_file: m.network_import_problem_duplicate_in_file
};

export function caseImportProblemText(error: CaseImportError): string {
	return TEXT[error.problem]({ row: error.row, column: error.column ?? '', value: error.value });
}
