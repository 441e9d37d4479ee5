/**
 * The kinds of section a call's template can ask for, and what follows from each. Shared by
 * the import format, the canvas and the exports (no server imports: the browser uses it too).
 */
export const SECTION_KINDS = [
	'text',
	'actions',
	'heading',
	'table',
	'date',
	'amount',
	'choice'
] as const;

export type SectionKind = (typeof SECTION_KINDS)[number];

/**
 * Whether a section is filled once per action block (ADR 0198): `each` only per action,
 * `each_and_overall` per action and once for the whole proposal. Null: once, as usual.
 */
export const PER_ACTION = ['each', 'each_and_overall'] as const;
export type PerAction = (typeof PER_ACTION)[number];

/** A section with text of its own for the whole proposal (not only per action). */
export const hasOverallText = (perAction: PerAction | null): boolean => perAction !== 'each';

/** The Yjs fragment of a section's document holding one action's text (ADR 0198). */
export const actionField = (actionId: string): string => `action:${actionId}`;

/** Whether a fragment name is one action's text (`action:<id>`), as `actionField` writes it. */
export const isActionField = (name: string): boolean => /^action:[\w-]{1,64}$/.test(name);

/** The action id of an `action:<id>` fragment name. */
export const actionIdOf = (field: string): string => field.slice('action:'.length);

/** Whether a section of this kind may be repeated per action: text-like kinds only. */
export const canRepeatPerAction = (kind: SectionKind): boolean =>
	kind !== 'actions' && kind !== 'heading';

/** A title-only parent ("10. Modello di governance" over 10.a–10.e) has no text of its own. */
export const hasOwnText = (kind: SectionKind): boolean => kind !== 'heading';

/**
 * How deep a section sits, from its printed number: "10" is 1, "10.a" is 2, "10.a.i" is 3.
 * Exports use it as the heading level, so the document keeps the call's nesting.
 */
export function sectionDepth(number: string): number {
	return number.split('.').filter(Boolean).length || 1;
}

/** The number of the section this one sits under ("10" for "10.a"), or null at the top. */
export function parentNumber(number: string): string | null {
	const parts = number.split('.');
	return parts.length > 1 ? parts.slice(0, -1).join('.') : null;
}

/** 14/7/2020 or 14/07/2020, a real calendar day. */
function isItalianDate(text: string): boolean {
	const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
	if (!match) return false;
	const [day, month, year] = match.slice(1).map(Number);
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCDate() === day && date.getUTCMonth() === month - 1;
}

/** "125.000,50", "125000,50", "€ 1.200": Italian grouping and decimal comma. */
const ITALIAN_AMOUNT = /^(€\s?)?(\d{1,3}(\.\d{3})*|\d+)(,\d{1,2})?(\s?€)?$/;

/**
 * Whether a short-value section's text is what its kind asks for (an empty section fits: it
 * is merely unwritten). Rich text, tables and action blocks always fit; the canvas flags the
 * rest so a date typed as "luglio" is seen before the proposal is filed.
 */
export function valueFits(kind: SectionKind, text: string, options: readonly string[]): boolean {
	const value = text.trim();
	if (value === '') return true;
	switch (kind) {
		case 'date':
			return isItalianDate(value);
		case 'amount':
			return ITALIAN_AMOUNT.test(value);
		case 'choice':
			return options.some((option) => option.toLowerCase() === value.toLowerCase());
		default:
			return true;
	}
}
