import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { comment } from '../db/schema';
import type { SectionRecord } from '../proposals/section-lookup';
import { sectionResource } from '../proposals/section-lookup';
import { allowedAmong, membersOf } from './audience';
import { notify } from './notify';
import { sectionLink } from './section-assigned';

/**
 * Someone commented on a section: its writers (people of the owning organisations who may edit
 * it) and whoever already wrote in the thread are told, if they may still read the proposal.
 */
export async function notifyCommentOnText(
	db: Db,
	section: SectionRecord,
	threadId: string,
	authorId: string
): Promise<void> {
	const resource = sectionResource(section);
	const owners = await membersOf(db, section.projectId, section.ownerOrganisationIds);
	const writers = await allowedAmong(db, owners, 'proposal.edit', { ...resource, locked: false });
	const earlier = await db
		.select({ authorId: comment.authorId })
		.from(comment)
		.where(eq(comment.threadId, threadId));
	const recipientIds = await allowedAmong(
		db,
		[...writers, ...earlier.map((row) => row.authorId)],
		'proposal.read',
		resource,
		authorId
	);
	await notify(db, {
		recipientIds,
		kind: 'comment_on_text',
		projectId: section.projectId,
		resourceId: section.id,
		title: `${section.number}. ${section.title}`,
		link: sectionLink(section)
	});
}
