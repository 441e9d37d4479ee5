/**
 * The XSS corpus for stored text: payloads that would run code in a page that rendered them as
 * HTML, each setting `window.__xss` to its own number so a failure names the payload. Kept free
 * of `$lib` imports: the e2e test imports it too.
 */
export const MARKER = '⟦xss⟧';

export function payloadsFor(n: number): string[] {
	return [
		`${MARKER}<img src=x onerror="window.__xss=${n}">`,
		`${MARKER}<script>window.__xss=${n}</script>`,
		`${MARKER}"><svg onload="window.__xss=${n}">`,
		`${MARKER}'><iframe srcdoc="<script>parent.__xss=${n}</script>"></iframe>`,
		`${MARKER}</textarea></title><img src=x onerror=window.__xss=${n}>`,
		`${MARKER}{@html '<img src=x onerror=window.__xss=${n}>'}`,
		`${MARKER}<a href="javascript:window.__xss=${n}">apri</a>`
	];
}

/** For columns that CSV exports carry: a formula a spreadsheet would run, unless neutralised. */
export function formulaFor(n: number): string {
	return `=HYPERLINK("https://example.org/?${n}";"${MARKER}")`;
}
export const FORMULA_TEXT = new Set(['decision.text', 'action_item.title']);

/** Stored addresses (a meeting's video link): a `javascript:` one must never become a link. */
export const URL_PAYLOAD = 'javascript:window.__xss=999';

/**
 * Every text column of the schema, as `table.column`, is free text (people type it, or it comes
 * from an import: it gets a payload), an address, or structured (ids, hashes, codes, emails
 * checked at the door, document names). A text column in none of these lists fails the test:
 * whoever adds one must say what it holds.
 */
export const FREE_TEXT = new Set([
	'accessibility_feedback.name',
	'accessibility_feedback.page_url',
	'accessibility_feedback.description',
	'action_item.title',
	'agenda_item.title',
	'body.name',
	'body.description',
	'call.title',
	'call.subject',
	'call.targets',
	'call.aims',
	'call.general_objectives',
	'call.specific_objectives',
	'call.resources',
	'call.awarding_body',
	'call.act_number',
	'case_event.note',
	'case_referral.reason',
	'case_referral.decline_reason',
	'case_referral.withdraw_reason',
	'case_identity.full_name',
	'case_identity.phone',
	'comment.body',
	'comment_thread.quoted_text',
	'decision.text',
	'decision.quote',
	'decision_link.label',
	'decision_status_change.note',
	'export_job.filename',
	'district.name',
	'lab.title',
	'notification.title',
	'lab.theme',
	'live_document_text.body',
	'lab_session.title',
	'lab_session.place',
	'lab_session_excerpt.text',
	'good_practice.title',
	'good_practice.problem',
	'good_practice.what_worked',
	'good_practice.conditions',
	'good_practice.evidence',
	'district_population.source',
	'meeting.title',
	'meeting.place',
	'meeting_guest.name',
	'meeting_guest.organisation_name',
	'meeting_guest.role',
	'minutes_approval.text',
	'minutes_note.text',
	'municipality.name',
	'organisation.name',
	'organisation.short_name',
	'organisation.tax_code',
	'organisation.pec',
	'organisation.vat_number',
	'organisation.phone',
	'organisation.address',
	'organisation_contact.name',
	'organisation_contact.role',
	'organisation_contact.phone',
	'partnership_agreement.act',
	'project_vocabulary.label',
	'network_relation.label',
	'partnership.description',
	'budget_territory_override.reason',
	'person.name',
	'programme.title',
	'programme.description',
	'project.title',
	'project.acronym',
	'project.description',
	'proposal.title',
	'proposal_section.number',
	'proposal_section.title',
	'proposal_version.name',
	'template.name',
	'template.source',
	'template_section.number',
	'template_section.title',
	'template_section.guidance',
	'template_section.limit_label',
	'monitoring_target.note',
	'trace_node.title'
]);

export const ADDRESS_TEXT = new Set(['meeting.video_link', 'organisation.website']);

export const STRUCTURED_TEXT = new Set([
	'accessibility_feedback.email',
	'accessibility_feedback.locale',
	// A staged CSV upload: checked on confirmation, never rendered.
	'network_import.content',
	'audit_entry.action',
	'audit_entry.resource_type',
	'audit_entry.resource_id',
	'calendar_feed_token.token_hash',
	// CUP and CIG: 15 and 10 letters or digits, checked by the call form.
	'call.cup',
	'call.cig',
	'case_identity.email',
	'case_identity.fiscal_code',
	'case_record.pseudonym',
	'case_record.referral_source',
	'case_record.target_category',
	// Derived codes of the monitoring summary (ADR 0175): an organisation id, a contract or a reason.
	'case_category.dimension',
	'case_category.code',
	// The last follow-up's situation code, derived from the event's details (ADR 0216).
	'case_summary.follow_up_situation',
	'good_practice.target_category',
	'collab_authorship.document_name',
	'collab_snapshot.document_name',
	'collab_update.document_name',
	'live_document_text.document_name',
	'live_document_text.kind',
	'demo_seed_step.name',
	'export_job.content_type',
	'export_job.error_code',
	'invitation.token_hash',
	'invitation.email',
	'invitation.fiscal_code',
	'notification.link',
	'minutes_approval.sha256',
	'person.email',
	'organisation.email',
	'organisation_contact.email',
	'project_vocabulary.key',
	'person.password_hash',
	'person.locale',
	'person.fiscal_code',
	'proposal_version_document.document_name',
	'session.id',
	'template.key',
	'template.version',
	'trusted_device.id',
	// A reset link's token hash (issue 13): a SHA-256, never shown.
	'password_reset.id',
	// ESF+ participant data and target indicators are codes checked against fixed lists.
	'case_esf_profile.gender',
	'case_esf_profile.labour_status',
	'case_esf_profile.age_band',
	'case_esf_profile.education',
	'case_esf_profile.result_at_exit',
	'case_esf_profile.result_six_months',
	'monitoring_target.indicator',
	// An action block's id, checked against the proposal's blocks; the page shows the title.
	'cronoprogramma_mark.action_id',
	// The fragment a comment is anchored in: `default` or an action's field name, checked on write.
	'comment_thread.field',
	// Ids of the thread's ends (uuids, `<proposalId>:<blockId>`, indicator keys), checked on write.
	'trace_link.from_id',
	'trace_link.to_id'
]);

export type TextKind = 'free' | 'address' | 'structured';

export function kindOf(column: string): TextKind | undefined {
	if (FREE_TEXT.has(column)) return 'free';
	if (ADDRESS_TEXT.has(column)) return 'address';
	if (STRUCTURED_TEXT.has(column)) return 'structured';
	return undefined;
}
