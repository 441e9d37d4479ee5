import { m } from '$lib/paraglide/messages';
import { ESF_GENDERS, type EsfGender } from './esf';

/**
 * The aggregate table of the ESF+ common indicators for participants (Reg. (EU) 2021/1057,
 * Annex I), in the Regulation's order: output indicators at entry, immediate results on leaving,
 * longer-term results six months after. Each row is counted by gender, as the Annex asks.
 * Browser-safe: the page labels the rows the server computes (src/lib/server/monitoring/annex.ts).
 */
export const ANNEX_I_ROWS = [
	// 1. Output indicators, at entry: labour-market status, age, education, total.
	'unemployed',
	'long_term_unemployed',
	'inactive',
	'employed',
	'under_18',
	'18_29',
	'55_plus',
	'isced_0_2',
	'isced_3_4',
	'isced_5_8',
	'total',
	// 1. Other output indicators: the conditions at entry (counted when declared yes).
	'disability',
	'thirdCountryNational',
	'foreignBackground',
	'minority',
	'homeless',
	'rural',
	// 2. Immediate results, within four weeks of leaving.
	'exit_job_searching',
	'exit_education_training',
	'exit_qualification',
	'exit_employed',
	// 3. Longer-term results, six months after leaving.
	'six_months_employed',
	'six_months_better_situation'
] as const;
export type AnnexRow = (typeof ANNEX_I_ROWS)[number];

export const ANNEX_GROUPS = [
	'outputs',
	'conditions',
	'results_exit',
	'results_six_months'
] as const;
export type AnnexGroup = (typeof ANNEX_GROUPS)[number];

export function annexGroupOf(row: AnnexRow): AnnexGroup {
	if (row.startsWith('exit_')) return 'results_exit';
	if (row.startsWith('six_months_')) return 'results_six_months';
	const index = ANNEX_I_ROWS.indexOf(row);
	return index <= ANNEX_I_ROWS.indexOf('total') ? 'outputs' : 'conditions';
}

/** The gender columns of the table, after the total. */
export const ANNEX_GENDERS: readonly EsfGender[] = ESF_GENDERS;

const LABELS: Record<AnnexRow, () => string> = {
	unemployed: m.monitoring_annex_unemployed,
	long_term_unemployed: m.monitoring_annex_long_term_unemployed,
	inactive: m.monitoring_annex_inactive,
	employed: m.monitoring_annex_employed,
	under_18: m.monitoring_annex_under_18,
	'18_29': m.monitoring_annex_18_29,
	'55_plus': m.monitoring_annex_55_plus,
	isced_0_2: m.monitoring_annex_isced_0_2,
	isced_3_4: m.monitoring_annex_isced_3_4,
	isced_5_8: m.monitoring_annex_isced_5_8,
	total: m.monitoring_annex_total,
	disability: m.monitoring_annex_disability,
	thirdCountryNational: m.monitoring_annex_third_country,
	foreignBackground: m.monitoring_annex_foreign_background,
	minority: m.monitoring_annex_minority,
	homeless: m.monitoring_annex_homeless,
	rural: m.monitoring_annex_rural,
	exit_job_searching: m.monitoring_annex_exit_job_searching,
	exit_education_training: m.monitoring_annex_exit_education_training,
	exit_qualification: m.monitoring_annex_exit_qualification,
	exit_employed: m.monitoring_annex_exit_employed,
	six_months_employed: m.monitoring_annex_six_months_employed,
	six_months_better_situation: m.monitoring_annex_six_months_better_situation
};

const GROUP_LABELS: Record<AnnexGroup, () => string> = {
	outputs: m.monitoring_annex_group_outputs,
	conditions: m.monitoring_annex_group_conditions,
	results_exit: m.monitoring_annex_group_results_exit,
	results_six_months: m.monitoring_annex_group_results_six_months
};

export const annexRowLabel = (row: AnnexRow): string => LABELS[row]();
export const annexGroupLabel = (group: AnnexGroup): string => GROUP_LABELS[group]();
