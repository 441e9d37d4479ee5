import type { Db } from '../db/client';
import type { Meeting } from '../db/schema';
import type { BodyAccess } from '../governance/body-access';
import { allowedAmong } from './audience';
import { notify } from './notify';

/**
 * Draft minutes were circulated for amendment: the body's members (who may suggest changes in
 * the window) are told, except who circulated them, if they may read the project's governance.
 */
export async function notifyMinutesCirculated(
	db: Db,
	found: Meeting,
	access: BodyAccess,
	circulatedById: string
): Promise<void> {
	const recipientIds = await allowedAmong(
		db,
		access.memberIds,
		'governance.read',
		{ projectId: found.projectId },
		circulatedById
	);
	await notify(db, {
		recipientIds,
		kind: 'minutes_circulated',
		projectId: found.projectId,
		resourceId: found.id,
		title: found.title,
		link: `/projects/${found.projectId}/governance/meetings/${found.id}`
	});
}
