/**
 * What the project's activity feed shows, per audit action: the policy action a reader needs
 * for it to appear. Only changes: reads (a case opened, a list shown, an export taken) are in
 * the audit log for the auditors, not in the feed. An action not listed here never appears.
 * Case events are not here: they have their own rule (the record's organisation's operators).
 */
export const FEED_ACTIONS = {
	'action_item.create': 'governance.read',
	'body.add_member': 'governance.read',
	'body.create': 'governance.read',
	'body.remove_member': 'governance.read',
	'decision.propose': 'governance.read',
	'decision.transition': 'governance.read',
	'meeting.guest_add': 'governance.read',
	'meeting.guest_remove': 'governance.read',
	'meeting.schedule': 'governance.read',
	'meeting.sitting': 'governance.read',
	'minutes.approve': 'governance.read',
	'minutes.circulate': 'governance.read',
	'minutes.write': 'governance.read',
	'invitation.accept': 'member.read',
	'invitation.create': 'member.read',
	'invitation.revoke': 'member.read',
	'membership.role_change': 'member.read',
	'membership.remove': 'member.read',
	'lab.create': 'lab.read',
	'lab.session': 'lab.read',
	'practice.record': 'lab.read',
	'monitoring.target.set': 'monitoring.read',
	'monitoring.target.remove': 'monitoring.read',
	'monitoring.trace.node.add': 'monitoring.read',
	'monitoring.trace.node.remove': 'monitoring.read',
	'organisation.edit': 'network.read',
	'partnership.manage': 'network.read',
	'proposal.edit': 'proposal.read'
} as const;

export type FeedAction = keyof typeof FEED_ACTIONS;

/** The case events the feed shows to the record's own operators (changes, not reads). */
export const FEED_CASE_ACTIONS = [
	'case.create',
	'case.identity',
	'case.event',
	'case.profile',
	'case.esf_profile',
	'case.erase',
	'case.lab_attach',
	'case.refer',
	'case.referral_accept',
	'case.referral_decline'
] as const;
