import { m } from '$lib/paraglide/messages';
import type { DecisionStatusValue } from './decision-status';

/** Display names of governance values; an unknown value shows as itself rather than vanish. */
type Labels = Record<string, () => string>;
const pick = (labels: Labels, value: string): string => labels[value]?.() ?? value;

const KINDS: Labels = {
	steering_committee: m.gov_kind_steering_committee,
	restricted_committee: m.gov_kind_restricted_committee,
	working_group: m.gov_kind_working_group,
	technical_group: m.gov_kind_technical_group
};
export const bodyKindLabel = (kind: string): string => pick(KINDS, kind);

const ROLES: Labels = {
	chair: m.gov_role_chair,
	secretary: m.gov_role_secretary,
	member: m.gov_role_member
};
export const bodyRoleLabel = (role: string): string => pick(ROLES, role);

const RULES: Labels = {
	majority: m.gov_quorum_majority,
	two_thirds: m.gov_quorum_two_thirds,
	fixed: m.gov_quorum_fixed
};
export const quorumRuleLabel = (rule: string): string => pick(RULES, rule);

const APPROVAL_RULES: Labels = {
	chair: m.gov_approval_rule_chair,
	next_meeting: m.gov_approval_rule_next_meeting
};
export const minutesApprovalRuleLabel = (rule: string): string => pick(APPROVAL_RULES, rule);

const STATUS: Record<DecisionStatusValue, () => string> = {
	proposed: m.gov_status_proposed,
	approved: m.gov_status_approved,
	in_progress: m.gov_status_in_progress,
	done: m.gov_status_done,
	rejected: m.gov_status_rejected,
	superseded: m.gov_status_superseded
};
export const decisionStatusLabel = (status: DecisionStatusValue): string => STATUS[status]();

const ATTENDANCE: Labels = {
	present: m.gov_attendance_present,
	absent: m.gov_attendance_absent,
	delegated: m.gov_attendance_delegated,
	excused: m.gov_attendance_excused
};
export const attendanceLabel = (status: string | null): string =>
	status === null ? m.gov_attendance_unrecorded() : pick(ATTENDANCE, status);

const MINUTES: Labels = {
	draft: m.gov_minutes_draft,
	circulated: m.gov_minutes_circulated,
	approved: m.gov_minutes_approved
};
export const minutesStatusLabel = (status: string): string => pick(MINUTES, status);
