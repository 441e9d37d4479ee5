import { m } from '$lib/paraglide/messages';
import type {
	ClosureReason,
	ContractKind,
	EmployerSector,
	FollowUpSituation,
	IntakeLevel,
	InternshipOutcome,
	ReferralSource,
	TargetCategory
} from './pathway-values';

type Labels<T extends string> = Record<T, () => string>;

const TARGET: Labels<TargetCategory> = {
	youth: m.cases_target_youth,
	new_parents: m.cases_target_new_parents,
	over_50_unemployed: m.cases_target_over_50_unemployed,
	disability_l68: m.cases_target_disability_l68,
	migrants: m.cases_target_migrants,
	long_term_unemployed: m.cases_target_long_term_unemployed,
	income_support: m.cases_target_income_support,
	other: m.cases_target_other
};

const SOURCE: Labels<ReferralSource> = {
	social_services: m.cases_source_social_services,
	job_centre: m.cases_source_job_centre,
	health_authority: m.cases_source_health_authority,
	school: m.cases_source_school,
	third_sector: m.cases_source_third_sector,
	self: m.cases_source_self,
	other: m.cases_source_other
};

const INTAKE: Labels<IntakeLevel> = {
	first: m.cases_intake_first,
	second: m.cases_intake_second
};

const OUTCOME: Labels<InternshipOutcome> = {
	ongoing: m.cases_outcome_ongoing,
	completed: m.cases_outcome_completed,
	hired: m.cases_outcome_hired,
	interrupted: m.cases_outcome_interrupted,
	extended: m.cases_outcome_extended
};

const SECTOR: Labels<EmployerSector> = {
	profit: m.cases_sector_profit,
	non_profit: m.cases_sector_non_profit
};

const CONTRACT: Labels<ContractKind> = {
	fixed_term: m.cases_contract_fixed_term,
	permanent: m.cases_contract_permanent,
	apprenticeship: m.cases_contract_apprenticeship
};

const CLOSURE: Labels<ClosureReason> = {
	employed: m.cases_closure_employed,
	pathway_completed: m.cases_closure_pathway_completed,
	withdrawn: m.cases_closure_withdrawn,
	moved_away: m.cases_closure_moved_away,
	referred_elsewhere: m.cases_closure_referred_elsewhere,
	not_eligible: m.cases_closure_not_eligible,
	other: m.cases_closure_other
};

const SITUATION: Labels<FollowUpSituation> = {
	employed: m.monitoring_follow_up_employed,
	not_employed: m.monitoring_follow_up_not_employed,
	unreachable: m.monitoring_follow_up_unreachable
};

/** A label for a stored code; an unknown code shows as itself rather than vanish. */
const labelOf =
	<T extends string>(labels: Labels<T>) =>
	(code: string | null | undefined): string =>
		code ? (labels[code as T]?.() ?? code) : '';

export const targetCategoryLabel = labelOf(TARGET);
export const referralSourceLabel = labelOf(SOURCE);
export const intakeLevelLabel = labelOf(INTAKE);
export const internshipOutcomeLabel = labelOf(OUTCOME);
export const employerSectorLabel = labelOf(SECTOR);
export const contractKindLabel = labelOf(CONTRACT);
export const closureReasonLabel = labelOf(CLOSURE);
export const followUpSituationLabel = labelOf(SITUATION);
