/** A section's life: to write → draft → in review → agreed; agreed can be reopened for review. */
export const SECTION_STATUSES = ['to_write', 'draft', 'in_review', 'agreed'] as const;
export type SectionStatusValue = (typeof SECTION_STATUSES)[number];

const NEXT: Record<SectionStatusValue, readonly SectionStatusValue[]> = {
	to_write: ['draft'],
	draft: ['in_review', 'to_write'],
	in_review: ['agreed', 'draft'],
	agreed: ['in_review']
};

export function canMove(from: SectionStatusValue, to: SectionStatusValue): boolean {
	return NEXT[from].includes(to);
}

export function nextStatuses(from: SectionStatusValue): readonly SectionStatusValue[] {
	return NEXT[from];
}

/** Moves into or out of "agreed" are a review decision (coordinator); the others are writing. */
export function needsReview(from: SectionStatusValue, to: SectionStatusValue): boolean {
	return from === 'agreed' || to === 'agreed';
}
