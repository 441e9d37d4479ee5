import type { Db } from '../db/client';
import { findMeeting } from '../governance/meetings';
import { parseDocumentName } from '../live/name';
import { findSections, sectionResource } from '../proposals/section-lookup';
import { allowedAmong } from './audience';
import { notify } from './notify';
import { sectionLink } from './section-assigned';

/**
 * Someone who may write accepted or rejected other people's suggestions in a live document (a
 * proposal section or meeting minutes; the collaboration server noticed): each author who may
 * still read the document is told. Unknown documents tell nobody.
 */
export async function notifySuggestionsDecided(
	db: Db,
	documentName: string,
	authorIds: readonly string[],
	deciderId: string
): Promise<void> {
	const parsed = parseDocumentName(documentName);
	if (parsed?.kind === 'section') {
		const [section] = await findSections(db, { sectionId: parsed.id });
		if (!section) return;
		await notify(db, {
			recipientIds: await allowedAmong(
				db,
				authorIds,
				'proposal.read',
				sectionResource(section),
				deciderId
			),
			kind: 'suggestion_decided',
			projectId: section.projectId,
			resourceId: section.id,
			title: `${section.number}. ${section.title}`,
			link: sectionLink(section)
		});
	} else if (parsed?.kind === 'minutes') {
		const found = await findMeeting(db, parsed.id).catch(() => null);
		if (!found) return;
		await notify(db, {
			recipientIds: await allowedAmong(
				db,
				authorIds,
				'governance.read',
				{ projectId: found.projectId },
				deciderId
			),
			kind: 'suggestion_decided',
			projectId: found.projectId,
			resourceId: found.id,
			title: found.title,
			link: `/projects/${found.projectId}/governance/meetings/${found.id}`
		});
	}
}
