import { m } from '$lib/paraglide/messages';
import { formatDate } from '$lib/format/dates';
import { formatMoney, formatNumber } from '$lib/format/numbers';
import {
	closureReasonLabel,
	contractKindLabel,
	employerSectorLabel,
	followUpSituationLabel,
	intakeLevelLabel,
	internshipOutcomeLabel
} from './pathway-labels';

/** One shown field of an event: its label and its value, already formatted. */
export type DetailLine = [label: string, value: string];

type Shown = (value: string | number, names: Record<string, string>) => string;

const text: Shown = (value) => String(value);
const hours: Shown = (value) => m.cases_hours_value({ hours: formatNumber(Number(value)) });
const day: Shown = (value) => formatDate(String(value));
const named: Shown = (value, names) => names[String(value)] ?? m.cases_organisation_removed();
const coded =
	(label: (code: string) => string): Shown =>
	(value) =>
		label(String(value));

/** Per kind, the stored fields in the order they are shown, with how to show each. */
const FIELDS: Record<string, [key: string, label: () => string, shown: Shown][]> = {
	intake: [['level', m.cases_intake_level, coded(intakeLevelLabel)]],
	assessment: [['hours', m.cases_hours, hours]],
	orientation: [['hours', m.cases_hours, hours]],
	course: [
		['title', m.cases_course_title, text],
		['provider', m.cases_course_provider, text],
		['hoursPlanned', m.cases_hours_planned, hours],
		['hoursAttended', m.cases_hours_attended, hours],
		['qualification', m.cases_qualification, text]
	],
	internship: [
		['hostOrganisationId', m.cases_host_organisation, named],
		['startOn', m.cases_start_on, day],
		['endOn', m.cases_end_on, day],
		['months', m.cases_months, (value) => formatNumber(Number(value))],
		['monthlyAllowance', m.cases_monthly_allowance, (value) => formatMoney(Number(value))],
		['tutorHours', m.cases_tutor_hours, hours],
		['outcome', m.cases_outcome, coded(internshipOutcomeLabel)]
	],
	tutoring: [['hours', m.cases_hours, hours]],
	hire: [
		['employerOrganisationId', m.cases_employer, named],
		['sector', m.cases_sector, coded(employerSectorLabel)],
		['contract', m.cases_contract, coded(contractKindLabel)],
		['hoursPerWeek', m.cases_hours_per_week, (value) => formatNumber(Number(value))],
		['startOn', m.cases_start_on, day]
	],
	closure: [['reason', m.cases_closure_reason, coded(closureReasonLabel)]],
	follow_up: [
		['situation', m.monitoring_follow_up_situation, coded(followUpSituationLabel)],
		['contract', m.cases_contract, coded(contractKindLabel)]
	]
};

/** What an event's structured fields say, in reading order; fields left blank are skipped. */
export function describeDetails(
	kind: string,
	details: Record<string, string | number>,
	organisationNames: Record<string, string> = {}
): DetailLine[] {
	return (FIELDS[kind] ?? [])
		.filter(([key]) => details[key] !== undefined && details[key] !== '')
		.map(([key, label, shown]) => [label(), shown(details[key], organisationNames)]);
}
