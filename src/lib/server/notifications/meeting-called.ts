import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { bodyMember, type Meeting } from '../db/schema';
import { notify } from './notify';

/** A meeting was called: every member of the body but the one who called it is told (with .ics by mail). */
export async function notifyMeetingCalled(
	db: Db,
	called: Meeting,
	calledById: string
): Promise<void> {
	const members = await db
		.select({ personId: bodyMember.personId })
		.from(bodyMember)
		.where(eq(bodyMember.bodyId, called.bodyId));
	await notify(db, {
		recipientIds: members.map((row) => row.personId).filter((id) => id !== calledById),
		kind: 'meeting_called',
		projectId: called.projectId,
		resourceId: called.id,
		title: called.title,
		link: `/projects/${called.projectId}/governance/meetings/${called.id}`
	});
}
