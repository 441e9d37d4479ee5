import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { notification, project } from '../db/schema';
import { NotFoundError } from '../errors';
import { signedIn, type Ctx } from '../context';

/** How many notifications the page shows; older ones stay in the table. */
export const INBOX_LIMIT = 100;

export interface InboxItem {
	id: string;
	kind: (typeof notification.kind.enumValues)[number];
	title: string;
	link: string;
	projectTitle: string | null;
	createdAt: Date;
	read: boolean;
}

/** The signed-in person's notifications, newest first. Nobody reads another's: the recipient is the actor. */
export async function listInbox(ctx: Ctx): Promise<InboxItem[]> {
	const { db, actor } = signedIn(ctx);
	const rows = await db
		.select({
			id: notification.id,
			kind: notification.kind,
			title: notification.title,
			link: notification.link,
			projectTitle: project.title,
			createdAt: notification.createdAt,
			readAt: notification.readAt
		})
		.from(notification)
		.leftJoin(project, eq(project.id, notification.projectId))
		.where(eq(notification.recipientId, actor.id))
		.orderBy(desc(notification.createdAt), desc(notification.id))
		.limit(INBOX_LIMIT);
	return rows.map(({ readAt, ...row }) => ({ ...row, read: readAt !== null }));
}

/** The bell's number. */
export async function unreadCount(db: Db, personId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(notification)
		.where(and(eq(notification.recipientId, personId), isNull(notification.readAt)));
	return row?.n ?? 0;
}

/** Marks one of the actor's own notifications read; another's is "not found", like one that never was. */
export async function markRead(ctx: Ctx, notificationId: string): Promise<void> {
	const { db, actor } = signedIn(ctx);
	const updated = await db
		.update(notification)
		.set({ readAt: new Date() })
		.where(and(eq(notification.id, notificationId), eq(notification.recipientId, actor.id)))
		.returning({ id: notification.id, readAt: notification.readAt });
	if (updated.length === 0) throw new NotFoundError('notification_not_found');
}

/** Marks all the actor's unread notifications read; returns how many. */
export async function markAllRead(ctx: Ctx): Promise<number> {
	const { db, actor } = signedIn(ctx);
	const updated = await db
		.update(notification)
		.set({ readAt: new Date() })
		.where(and(eq(notification.recipientId, actor.id), isNull(notification.readAt)))
		.returning({ id: notification.id });
	return updated.length;
}
