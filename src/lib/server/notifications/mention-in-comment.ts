import type { Db } from '../db/client';
import { mentionedInText } from '../../mentions/comment-text';
import { sectionResource, type SectionRecord } from '../proposals/section-lookup';
import { allowedAmong } from './audience';
import { notify } from './notify';
import { sectionLink } from './section-assigned';

/**
 * A comment was stored: the people its text mentions are told, if they may read the proposal
 * (ADR 0180). The text is read here, on the server; a mention of anyone else tells nobody.
 * Returns who was told.
 */
export async function notifyCommentMentions(
	db: Db,
	section: SectionRecord,
	threadId: string,
	body: string,
	authorId: string
): Promise<string[]> {
	const recipientIds = await allowedAmong(
		db,
		mentionedInText(body),
		'proposal.read',
		sectionResource(section),
		authorId
	);
	await notify(db, {
		recipientIds,
		kind: 'mention',
		projectId: section.projectId,
		resourceId: threadId,
		title: `${section.number}. ${section.title}`,
		link: sectionLink(section)
	});
	return recipientIds;
}
