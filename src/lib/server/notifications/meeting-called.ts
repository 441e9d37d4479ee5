import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { bodyMember, type Meeting } from '../db/schema';
import { allowedAmong } from './audience';
import { notify } from './notify';

/**
 * A meeting was called: the body's members who may see the meeting (the policy's
 * `governance.read` in its project: someone who left the project stays on the body's list but is
 * no longer told) are told, with .ics by mail; never the one who called it.
 */
export async function notifyMeetingCalled(
	db: Db,
	called: Meeting,
	calledById: string
): Promise<void> {
	const members = await db
		.select({ personId: bodyMember.personId })
		.from(bodyMember)
		.where(eq(bodyMember.bodyId, called.bodyId));
	const recipientIds = await allowedAmong(
		db,
		members.map((row) => row.personId),
		'governance.read',
		{ projectId: called.projectId },
		calledById
	);
	await notify(db, {
		recipientIds,
		kind: 'meeting_called',
		projectId: called.projectId,
		resourceId: called.id,
		title: called.title,
		link: `/projects/${called.projectId}/governance/meetings/${called.id}`
	});
}
