import type { ParamMatcher } from '@sveltejs/kit';

/** The formats the verbale (meeting minutes) is exported in. */
export const match: ParamMatcher = (param) =>
	param === 'docx' || param === 'odt' || param === 'pdf';
