import type { Db } from '../db/client';
import type { SectionRecord } from '../proposals/section-lookup';
import { allowedAmong, membersOf } from './audience';
import { notify } from './notify';

type SectionRef = Pick<SectionRecord, 'id' | 'projectId' | 'proposalId' | 'number' | 'title'>;

/** Where a section opens in the canvas. */
export function sectionLink(section: Pick<SectionRef, 'projectId' | 'proposalId' | 'id'>) {
	return `/projects/${section.projectId}/proposals/${section.proposalId}#section-${section.id}`;
}

/**
 * Organisations were made owners of a section: their people who may read the proposal are
 * told (not who assigned it, nor organisations that already owned it).
 */
export async function notifySectionAssigned(
	db: Db,
	section: SectionRef,
	addedOrganisationIds: readonly string[],
	assignedById: string
): Promise<void> {
	const people = await membersOf(db, section.projectId, addedOrganisationIds);
	const recipientIds = await allowedAmong(
		db,
		people,
		'proposal.read',
		{ projectId: section.projectId },
		assignedById
	);
	await notify(db, {
		recipientIds,
		kind: 'section_assigned',
		projectId: section.projectId,
		resourceId: section.id,
		title: `${section.number}. ${section.title}`,
		link: sectionLink(section)
	});
}
