/**
 * What the case audit log records, one code per kind of read or write. Shared by the server
 * (which writes them) and the audit viewer (which filters and labels them).
 */
export const CASE_AUDIT_ACTIONS = [
	'case.list',
	'case.read_pseudonymous',
	'case.read_identity',
	'case.create',
	'case.import',
	'case.identity',
	'case.event',
	'case.profile',
	'case.esf_profile',
	'case.export',
	'case.erase',
	'case.lab_attach',
	'case.lab_detach',
	'case.lab_excerpt',
	'case.lab_read',
	'case.practice_read',
	'case.audit_read',
	'case.refer',
	'case.referral_accept',
	'case.referral_decline',
	'case.referral_withdraw'
] as const;

export type CaseAuditAction = (typeof CASE_AUDIT_ACTIONS)[number];
