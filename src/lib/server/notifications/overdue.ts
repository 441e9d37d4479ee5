import { and, eq, isNotNull, isNull, lt, notExists, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { actionItem, notification } from '../db/schema';
import { romeToday } from '../../governance/rome-time';
import { actionItemsLink } from './assigned-to-you';
import { allowedAmong } from './audience';
import { notify } from './notify';

/** Serialises the overdue round across instances, so an owner is told once (next to the other keys). */
const OVERDUE_LOCK_KEY = 7_405_212;

/**
 * Tells each owner of an action item past its due day (Rome time), not done, once: an item
 * whose owner already has its "overdue" notification is skipped. Returns how many were told.
 */
export async function notifyOverdueActionItems(db: Db, now = new Date()): Promise<number> {
	const today = romeToday(now);
	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${OVERDUE_LOCK_KEY})`);
		const due = await tx
			.select()
			.from(actionItem)
			.where(
				and(
					isNull(actionItem.doneAt),
					isNotNull(actionItem.ownerPersonId),
					lt(actionItem.dueOn, today),
					notExists(
						tx
							.select({ id: notification.id })
							.from(notification)
							.where(
								and(
									eq(notification.kind, 'action_item_overdue'),
									eq(notification.resourceId, actionItem.id),
									eq(notification.recipientId, actionItem.ownerPersonId)
								)
							)
					)
				)
			);
		let told = 0;
		for (const item of due) {
			const recipientIds = await allowedAmong(tx, [item.ownerPersonId], 'governance.read', {
				projectId: item.projectId
			});
			await notify(
				tx,
				{
					recipientIds,
					kind: 'action_item_overdue',
					projectId: item.projectId,
					resourceId: item.id,
					title: item.title,
					link: actionItemsLink(item.projectId)
				},
				now
			);
			told += recipientIds.length;
		}
		return told;
	});
}
