import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

/**
 * The participant data of the ESF+ common indicators (Reg. (EU) 2021/1057, Annex I), as the
 * case operator records them once per person, at entry. Age is kept as the band at entry, not a
 * birth date: the indicators need no more. Sensitive answers (disability, foreign background,
 * minority, homelessness) may be "not declared" (null), as the Regulation allows.
 */
export const ESF_GENDERS = ['female', 'male', 'non_binary'] as const;
/** One per person, at entry (Annex I: employed includes self-employed). */
export const ESF_LABOUR_STATUSES = [
	'unemployed',
	'long_term_unemployed',
	'inactive',
	'employed'
] as const;
export const ESF_AGE_BANDS = ['under_18', '18_29', '30_54', '55_plus'] as const;
export const ESF_EDUCATION = ['isced_0_2', 'isced_3_4', 'isced_5_8'] as const;
export const ESF_FLAGS = [
	'disability',
	'thirdCountryNational',
	'foreignBackground',
	'minority',
	'homeless',
	'rural'
] as const;
/** Annex I common immediate result indicators: the situation within four weeks of leaving. */
export const ESF_RESULTS_AT_EXIT = [
	'job_searching',
	'education_training',
	'qualification',
	'employed',
	'none'
] as const;
/** Annex I longer-term result indicators: the situation six months after leaving. */
export const ESF_RESULTS_SIX_MONTHS = ['employed', 'better_situation', 'none'] as const;

export type EsfGender = (typeof ESF_GENDERS)[number];
export type EsfLabourStatus = (typeof ESF_LABOUR_STATUSES)[number];
export type EsfAgeBand = (typeof ESF_AGE_BANDS)[number];
export type EsfEducation = (typeof ESF_EDUCATION)[number];
export type EsfFlag = (typeof ESF_FLAGS)[number];
export type EsfResultAtExit = (typeof ESF_RESULTS_AT_EXIT)[number];
export type EsfResultSixMonths = (typeof ESF_RESULTS_SIX_MONTHS)[number];

/** yes / no / not declared, as the form posts them. */
const flag = z
	.enum(['yes', 'no', ''])
	.optional()
	.transform((value) => (value === 'yes' ? true : value === 'no' ? false : null));

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
	z
		.union([z.enum(values), z.literal('')])
		.optional()
		.transform((value) => (value ? (value as T[number]) : null));

const required = <T extends readonly [string, ...string[]]>(values: T) =>
	z.enum(values, { error: () => m.monitoring_esf_choose() });

export const esfProfileForm = z.object({
	gender: required(ESF_GENDERS),
	labourStatus: required(ESF_LABOUR_STATUSES),
	ageBand: required(ESF_AGE_BANDS),
	education: required(ESF_EDUCATION),
	disability: flag,
	thirdCountryNational: flag,
	foreignBackground: flag,
	minority: flag,
	homeless: flag,
	rural: flag,
	resultAtExit: optionalEnum(ESF_RESULTS_AT_EXIT),
	resultSixMonths: optionalEnum(ESF_RESULTS_SIX_MONTHS)
});
export type EsfProfileInput = z.infer<typeof esfProfileForm>;

export function esfLabel(field: string, value: string): string {
	const key = `monitoring_esf_${field}_${value}`;
	const messages = m as unknown as Record<string, (() => string) | undefined>;
	return messages[key]?.() ?? value;
}

/** The order the form and the person's export show the fields in. */
const ESF_CHOICE_FIELDS = ['gender', 'labourStatus', 'ageBand', 'education'] as const;
const ESF_RESULT_FIELDS = ['resultAtExit', 'resultSixMonths'] as const;

/**
 * A stored ESF+ profile as label / value pairs in words (field and value translated, never the
 * stored codes): what the GDPR export shows the person. Fields the profile lacks are left out.
 */
export function esfProfileEntries(profile: Record<string, unknown>): [string, string][] {
	const entries: [string, string][] = [];
	const choice = (field: string, empty: () => string) => {
		if (!(field in profile)) return;
		const value = profile[field];
		entries.push([
			esfLabel('field', field),
			typeof value === 'string' && value ? esfLabel(field, value) : empty()
		]);
	};
	for (const field of ESF_CHOICE_FIELDS) choice(field, m.monitoring_esf_not_yet);
	for (const field of ESF_FLAGS) {
		if (!(field in profile)) continue;
		const value = profile[field];
		entries.push([
			esfLabel('field', field),
			value === true
				? m.monitoring_esf_yes()
				: value === false
					? m.monitoring_esf_no()
					: m.monitoring_esf_undeclared()
		]);
	}
	for (const field of ESF_RESULT_FIELDS) choice(field, m.monitoring_esf_not_yet);
	return entries;
}
