import { m } from '$lib/paraglide/messages';
import type { SectionStatusValue } from '$lib/proposals/section-status';

export function statusLabel(status: SectionStatusValue): string {
	const labels: Record<SectionStatusValue, () => string> = {
		to_write: m.proposal_status_to_write,
		draft: m.proposal_status_draft,
		in_review: m.proposal_status_in_review,
		agreed: m.proposal_status_agreed
	};
	return labels[status]();
}
