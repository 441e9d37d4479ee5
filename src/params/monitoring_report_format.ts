import type { ParamMatcher } from '@sveltejs/kit';

/** The formats of the monitoring report: the shared document writers and the CSV of its tables. */
export const match: ParamMatcher = (param) =>
	param === 'docx' || param === 'odt' || param === 'pdf' || param === 'csv';
