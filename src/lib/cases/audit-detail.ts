import { m } from '$lib/paraglide/messages';
import { caseEventKindLabel, caseStatusLabel, erasureReasonLabel } from './labels';
import type { CaseAuditAction } from './audit-actions';

const ACTION: Record<CaseAuditAction, () => string> = {
	'case.list': m.cases_audit_action_list,
	'case.read_pseudonymous': m.cases_audit_action_read_pseudonymous,
	'case.read_identity': m.cases_audit_action_read_identity,
	'case.create': m.cases_audit_action_create,
	'case.import': m.cases_audit_action_import,
	'case.identity': m.cases_audit_action_identity,
	'case.event': m.cases_audit_action_event,
	'case.profile': m.cases_audit_action_profile,
	'case.esf_profile': m.cases_audit_action_esf_profile,
	'case.export': m.cases_audit_action_export,
	'case.erase': m.cases_audit_action_erase,
	'case.lab_attach': m.cases_audit_action_lab_attach,
	'case.lab_detach': m.cases_audit_action_lab_detach,
	'case.lab_excerpt': m.cases_audit_action_lab_excerpt,
	'case.lab_read': m.cases_audit_action_lab_read,
	'case.practice_read': m.cases_audit_action_practice_read,
	'case.audit_read': m.cases_audit_action_audit_read,
	'case.refer': m.cases_audit_action_refer,
	'case.referral_accept': m.cases_audit_action_referral_accept,
	'case.referral_decline': m.cases_audit_action_referral_decline,
	'case.referral_withdraw': m.cases_audit_action_referral_withdraw
};

const FIELD: Record<string, () => string> = {
	fullName: m.cases_full_name,
	fiscalCode: m.cases_fiscal_code,
	phone: m.cases_phone,
	email: m.cases_email
};

/** An action's display name; an unknown code shows as itself rather than vanish. */
export const auditActionLabel = (action: string): string =>
	ACTION[action as CaseAuditAction]?.() ?? action;

/**
 * The entry's detail in words. The log holds codes and ids only; ids say nothing to a reader,
 * so they are left out, and codes are translated where the case pages translate them.
 */
export function auditDetailText(detail: Record<string, unknown> | null): string {
	if (!detail) return '';
	const parts: string[] = [];
	if (typeof detail.kind === 'string') parts.push(caseEventKindLabel(detail.kind));
	if (typeof detail.status === 'string') {
		parts.push(m.cases_moved_to({ status: caseStatusLabel(detail.status) }));
	}
	if (Array.isArray(detail.fields) && detail.fields.length > 0) {
		parts.push(
			m.cases_audit_detail_fields({
				fields: detail.fields.map((f) => FIELD[String(f)]?.() ?? String(f)).join(', ')
			})
		);
	}
	if (typeof detail.count === 'number') {
		parts.push(m.cases_audit_detail_count({ count: detail.count }));
	}
	if (typeof detail.format === 'string') parts.push(detail.format.toUpperCase());
	if (typeof detail.reason === 'string') parts.push(erasureReasonLabel(detail.reason));
	if (detail.export === true) parts.push(m.cases_audit_detail_export());
	return parts.join(' · ');
}
