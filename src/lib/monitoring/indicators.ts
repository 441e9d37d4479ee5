import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

/**
 * The indicators Tavolo computes from the case records (browser-safe: the page, the targets
 * form and the server share these keys). Counts are of people, never of records: a person with
 * two internships in a quarter counts once in that quarter. Sums add up the structured fields of
 * the events (`src/lib/server/monitoring/pathway-facts.ts`); see docs/monitoring.md.
 */
export const COUNT_INDICATORS = [
	'people_in_charge',
	'active_pathways',
	'orientation_training',
	'internships_started',
	'hires',
	'closures',
	// ESF+ longer-term result: employed at the follow-up six months after leaving.
	'employed_six_months'
] as const;

/**
 * Sums of the events' structured fields in the period: orientation hours, internship-months
 * (003 counts "mensilità di tirocinio"). Withheld by the number of people they rest on.
 */
export const SUM_INDICATORS = ['orientation_hours', 'internship_months'] as const;

/** What the project sheet sets targets on: people and sums, not medians. */
export const TARGET_INDICATORS = [...COUNT_INDICATORS, ...SUM_INDICATORS] as const;

/** Medians of days, over the people whose first internship / hire falls in the period. */
export const DURATION_INDICATORS = ['days_to_internship', 'days_to_hire'] as const;

export const INDICATORS = [...COUNT_INDICATORS, ...SUM_INDICATORS, ...DURATION_INDICATORS] as const;

export type CountIndicator = (typeof COUNT_INDICATORS)[number];
export type SumIndicator = (typeof SUM_INDICATORS)[number];
export type TargetIndicator = (typeof TARGET_INDICATORS)[number];
export type DurationIndicator = (typeof DURATION_INDICATORS)[number];
export type Indicator = (typeof INDICATORS)[number];

export const PERIOD_KINDS = ['year', 'quarter', 'month'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** `?period=` as a period kind, the fallback for anything else. */
export const parsePeriodKind = (value: string | null, fallback: PeriodKind = 'year'): PeriodKind =>
	(PERIOD_KINDS as readonly string[]).includes(value ?? '') ? (value as PeriodKind) : fallback;

/** Fewer people than this in a cell, and non-operators see the cell suppressed. */
export const SMALL_CELL = 3;

export function indicatorLabel(indicator: Indicator): string {
	switch (indicator) {
		case 'people_in_charge':
			return m.monitoring_ind_people_in_charge();
		case 'active_pathways':
			return m.monitoring_ind_active_pathways();
		case 'orientation_training':
			return m.monitoring_ind_orientation_training();
		case 'internships_started':
			return m.monitoring_ind_internships_started();
		case 'hires':
			return m.monitoring_ind_hires();
		case 'closures':
			return m.monitoring_ind_closures();
		case 'employed_six_months':
			return m.monitoring_ind_employed_six_months();
		case 'orientation_hours':
			return m.monitoring_ind_orientation_hours();
		case 'internship_months':
			return m.monitoring_ind_internship_months();
		case 'days_to_internship':
			return m.monitoring_ind_days_to_internship();
		case 'days_to_hire':
			return m.monitoring_ind_days_to_hire();
	}
}

export function periodKindLabel(kind: PeriodKind): string {
	switch (kind) {
		case 'year':
			return m.monitoring_period_year();
		case 'quarter':
			return m.monitoring_period_quarter();
		case 'month':
			return m.monitoring_period_month();
	}
}

const optionalUuid = z
	.union([z.uuid(), z.literal('')])
	.optional()
	.transform((value) => value || null);

/** A target of the project sheet: one count indicator, the whole project or one district. */
export const targetForm = z.object({
	indicator: z.enum(TARGET_INDICATORS, { error: () => m.monitoring_target_indicator_invalid() }),
	districtId: optionalUuid,
	target: z.coerce
		.number({ error: () => m.monitoring_target_value_invalid() })
		.int({ error: () => m.monitoring_target_value_invalid() })
		.min(1, { error: () => m.monitoring_target_value_invalid() })
		.max(1_000_000, { error: () => m.monitoring_target_value_invalid() }),
	note: z.string().trim().max(500).default('')
});

export const removeTargetForm = z.object({ targetId: z.uuid() });

export type TargetInput = z.infer<typeof targetForm>;
