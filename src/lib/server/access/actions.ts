export { PROJECT_ROLES } from '../../auth/project-roles';

/**
 * Every action the policy knows. Adding a feature means adding its actions here and a row for
 * each role in ROLE_ACTIONS; the matrix test then demands an expectation for it.
 */
export const ACTIONS = [
	'project.read',
	'project.update',
	'member.read',
	'member.manage',
	'document.read',
	'document.write',
	'call.manage',
	'template.manage',
	'proposal.read',
	'proposal.create',
	'proposal.edit',
	'proposal.suggest',
	'proposal.comment',
	'proposal.review',
	'proposal.lock',
	'proposal.export',
	'governance.read',
	'body.manage',
	'meeting.manage',
	'minutes.write',
	'minutes.approve',
	'decision.propose',
	'decision.update',
	'action_item.manage',
	'case.read_pseudonymous',
	'case.read_identity',
	'case.write',
	// GDPR art. 17: removes who the person is; the organisation that follows them decides.
	'case.erase',
	// Referral to another organisation: sent by the record's operators, decided by the receiver's.
	'case.refer',
	'case.referral_decide',
	'lab.read',
	'lab.write',
	'lab.run',
	'monitoring.read',
	'monitoring.manage',
	'audit.read',
	'network.read',
	'organisation.edit',
	'partnership.manage'
] as const;

export type Action = (typeof ACTIONS)[number];

/**
 * Actions outside any project (issue 13, ADR 0190): setting projects up and keeping accounts.
 * They belong to the platform's administrators; PLATFORM_ACTIONS says who holds which.
 */
export const ADMIN_ACTIONS = [
	'admin.project_create',
	'admin.organisation_create',
	'admin.coordinator_appoint',
	'admin.account_manage',
	// Making someone an administrator, or no longer one (ADR 0205).
	'admin.admin_grant'
] as const;

export type AdminAction = (typeof ADMIN_ACTIONS)[number];
