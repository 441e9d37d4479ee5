/**
 * Size rules of proposal text, shared by the editor (refuses a paste that is too big) and the
 * server (refuses to write such a section, flags it in the overview).
 */

/** Characters of text that make one page when a template says "max 1 pag." and gives no other figure. */
export const DEFAULT_PAGE_CHARS = 3000;

/** The most text one section may hold (about 330 pages): beyond it, writes are refused. */
export const MAX_SECTION_CHARS = 1_000_000;

export type LengthState = 'empty' | 'within' | 'near' | 'over';

/** "near" from 90 % of the limit, so writers see it coming before they pass it. */
export function lengthState(chars: number, limitChars: number | null): LengthState {
	if (chars === 0) return 'empty';
	if (limitChars === null) return 'within';
	if (chars > limitChars) return 'over';
	return chars >= limitChars * 0.9 ? 'near' : 'within';
}

/** "max 1 pag." style label for a limit given in pages. */
export function pagesLabel(pages: number): string {
	return `max ${String(pages).replace('.', ',')} pag.`;
}

/**
 * Pages a text fills, as the call counts them: characters with spaces over the template's page
 * size, rounded up to a tenth so that 3,001 characters of a 3,000-character page read "1,1".
 */
export function estimatedPages(chars: number, pageChars: number): number {
	if (chars <= 0 || pageChars <= 0) return 0;
	return Math.ceil((chars / pageChars) * 10) / 10;
}
