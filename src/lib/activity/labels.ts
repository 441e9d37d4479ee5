import { m } from '$lib/paraglide/messages';
import type { FEED_ACTIONS, FEED_CASE_ACTIONS } from './entries';

type Shown = keyof typeof FEED_ACTIONS | (typeof FEED_CASE_ACTIONS)[number];

/** How the feed says each change, after the name of who made it. */
export const ACTIVITY_LABELS: Record<Shown, () => string> = {
	'action_item.create': m.activity_action_item_create,
	'body.add_member': m.activity_body_add_member,
	'body.create': m.activity_body_create,
	'body.remove_member': m.activity_body_remove_member,
	'decision.propose': m.activity_decision_propose,
	'decision.transition': m.activity_decision_transition,
	'meeting.guest_add': m.activity_meeting_guest_add,
	'meeting.guest_remove': m.activity_meeting_guest_remove,
	'meeting.schedule': m.activity_meeting_schedule,
	'meeting.sitting': m.activity_meeting_sitting,
	'minutes.approve': m.activity_minutes_approve,
	'minutes.circulate': m.activity_minutes_circulate,
	'minutes.write': m.activity_minutes_write,
	'invitation.accept': m.activity_invitation_accept,
	'invitation.create': m.activity_invitation_create,
	'invitation.revoke': m.activity_invitation_revoke,
	'membership.role_change': m.activity_membership_role_change,
	'membership.remove': m.activity_membership_remove,
	'lab.create': m.activity_lab_create,
	'lab.session': m.activity_lab_session,
	'practice.record': m.activity_practice_record,
	'monitoring.target.set': m.activity_monitoring_target_set,
	'monitoring.target.remove': m.activity_monitoring_target_remove,
	'monitoring.trace.node.add': m.activity_monitoring_trace_node_add,
	'monitoring.trace.node.remove': m.activity_monitoring_trace_node_remove,
	'organisation.edit': m.activity_organisation_edit,
	'partnership.manage': m.activity_partnership_manage,
	'proposal.edit': m.activity_proposal_edit,
	'case.create': m.activity_case_create,
	'case.identity': m.activity_case_identity,
	'case.event': m.activity_case_event,
	'case.profile': m.activity_case_profile,
	'case.esf_profile': m.activity_case_esf_profile,
	'case.erase': m.activity_case_erase,
	'case.lab_attach': m.activity_case_lab_attach,
	'case.refer': m.activity_case_refer,
	'case.referral_accept': m.activity_case_referral_accept,
	'case.referral_decline': m.activity_case_referral_decline
};
