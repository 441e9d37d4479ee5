import { m } from '$lib/paraglide/messages';
import type { CaseEventKindValue, CaseStatusValue } from './case-values';
import type { ErasureReason } from './erasure-form';

const STATUS: Record<CaseStatusValue, () => string> = {
	referred: m.cases_status_referred,
	intake: m.cases_status_intake,
	agreement: m.cases_status_agreement,
	training: m.cases_status_training,
	internship: m.cases_status_internship,
	employed: m.cases_status_employed,
	closed: m.cases_status_closed
};

const KIND: Record<CaseEventKindValue, () => string> = {
	referral: m.cases_event_referral,
	intake: m.cases_event_intake,
	assessment: m.cases_event_assessment,
	agreement: m.cases_event_agreement,
	orientation: m.cases_event_orientation,
	course: m.cases_event_course,
	internship: m.cases_event_internship,
	tutoring: m.cases_event_tutoring,
	hire: m.cases_event_hire,
	closure: m.cases_event_closure,
	note: m.cases_event_note,
	follow_up: m.monitoring_event_follow_up
};

const ERASURE_REASON: Record<ErasureReason, () => string> = {
	no_longer_necessary: m.cases_erase_reason_no_longer_necessary,
	consent_withdrawn: m.cases_erase_reason_consent_withdrawn,
	objection: m.cases_erase_reason_objection,
	unlawful: m.cases_erase_reason_unlawful,
	other: m.cases_erase_reason_other
};

/** Display names; an unknown value shows as itself rather than vanish. */
export const caseStatusLabel = (status: string): string =>
	STATUS[status as CaseStatusValue]?.() ?? status;
export const caseEventKindLabel = (kind: string): string =>
	KIND[kind as CaseEventKindValue]?.() ?? kind;
export const erasureReasonLabel = (reason: string): string =>
	ERASURE_REASON[reason as ErasureReason]?.() ?? reason;

const REFERRAL_STATUS: Record<string, () => string> = {
	pending: m.cases_referral_status_pending,
	accepted: m.cases_referral_status_accepted,
	declined: m.cases_referral_status_declined,
	withdrawn: m.cases_referral_status_withdrawn
};
export const referralStatusLabel = (status: string): string =>
	REFERRAL_STATUS[status]?.() ?? status;
