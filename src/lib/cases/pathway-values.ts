/**
 * The coded values of a case's profile and of its structured pathway events, in the order forms
 * show them. They are stored as these codes (never as labels) so the indicators can count them
 * with SQL; docs/labs.md lists where each lives.
 */

/** Target groups of the calls and project sheets (000 §1, 001 §5, 004). */
export const TARGET_CATEGORIES = [
	'youth',
	'new_parents',
	'over_50_unemployed',
	'disability_l68',
	'migrants',
	'long_term_unemployed',
	'income_support',
	'other'
] as const;

/** Who sent the person (004: social services rank and assign; 003: CPI, ASST, schools). */
export const REFERRAL_SOURCES = [
	'social_services',
	'job_centre',
	'health_authority',
	'school',
	'third_sector',
	'self',
	'other'
] as const;

export const INTAKE_LEVELS = ['first', 'second'] as const;
export const INTERNSHIP_OUTCOMES = [
	'ongoing',
	'completed',
	'hired',
	'interrupted',
	'extended'
] as const;
export const EMPLOYER_SECTORS = ['profit', 'non_profit'] as const;
export const CONTRACT_KINDS = ['fixed_term', 'permanent', 'apprenticeship'] as const;
export const CLOSURE_REASONS = [
	'employed',
	'pathway_completed',
	'withdrawn',
	'moved_away',
	'referred_elsewhere',
	'not_eligible',
	'other'
] as const;

/**
 * The answer of the six-month follow-up after the pathway closed: the situation found, or that
 * the person could not be reached (ADR 0203: an unknown situation, neither employed nor not).
 */
export const FOLLOW_UP_SITUATIONS = ['employed', 'not_employed', 'unreachable'] as const;

/** The answers that say what the situation is (the ESF+ result counts these only). */
export const KNOWN_FOLLOW_UP_SITUATIONS = ['employed', 'not_employed'] as const;

export type TargetCategory = (typeof TARGET_CATEGORIES)[number];
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];
export type IntakeLevel = (typeof INTAKE_LEVELS)[number];
export type InternshipOutcome = (typeof INTERNSHIP_OUTCOMES)[number];
export type EmployerSector = (typeof EMPLOYER_SECTORS)[number];
export type ContractKind = (typeof CONTRACT_KINDS)[number];
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
export type FollowUpSituation = (typeof FOLLOW_UP_SITUATIONS)[number];

/**
 * The structured fields of each event kind, as stored in `case_event.details` (jsonb). Every
 * field is optional on reading: events written before the fields existed carry `{}`.
 */
export interface CaseEventDetails {
	intake?: { level?: IntakeLevel };
	assessment?: { hours?: number };
	agreement?: Record<string, never>;
	orientation?: { hours?: number };
	course?: {
		title?: string;
		provider?: string;
		hoursPlanned?: number;
		hoursAttended?: number;
		qualification?: string;
	};
	internship?: {
		hostOrganisationId?: string;
		startOn?: string;
		endOn?: string;
		months?: number;
		monthlyAllowance?: number;
		tutorHours?: number;
		outcome?: InternshipOutcome;
	};
	tutoring?: { hours?: number };
	hire?: {
		employerOrganisationId?: string;
		sector?: EmployerSector;
		contract?: ContractKind;
		hoursPerWeek?: number;
		startOn?: string;
	};
	closure?: { reason?: ClosureReason };
	follow_up?: { situation?: FollowUpSituation; contract?: ContractKind };
	referral?: Record<string, never>;
	note?: Record<string, never>;
}

/** How `case_event.details` is stored: the fields of one kind of CaseEventDetails. */
export type EventDetails = Record<string, string | number>;
