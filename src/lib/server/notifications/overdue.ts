import { and, eq, inArray, isNotNull, isNull, lt, notExists, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import { actionItem, decision, notification, type NotificationKind } from '../db/schema';
import { romeToday } from '../../governance/rome-time';
import { actionItemsLink, shortTitle } from './assigned-to-you';
import { allowedAmong } from './audience';
import { notifyEach, type NotifyInput } from './notify';

/** Serialises the overdue round across instances, so an owner is told once (next to the other keys). */
const OVERDUE_LOCK_KEY = 7_405_212;

/** Decisions still to carry out: approved or under way (not proposed, done, rejected, superseded). */
const OPEN_DECISION = ['approved', 'in_progress'] as const;

interface Overdue {
	id: string;
	projectId: string;
	ownerPersonId: string | null;
	title: string;
	link: string;
}

/**
 * The item's owner has not been told yet that it is overdue. The notification row is the
 * durable mark: notifications are never deleted while the person and the project exist, so
 * repeated rounds (and instances, under the lock) tell each owner once.
 */
function notToldYet(
	tx: Db,
	kind: NotificationKind,
	id: AnyPgColumn,
	ownerPersonId: AnyPgColumn
): SQL {
	return notExists(
		tx
			.select({ id: notification.id })
			.from(notification)
			.where(
				and(
					eq(notification.kind, kind),
					eq(notification.resourceId, id),
					eq(notification.recipientId, ownerPersonId)
				)
			)
	);
}

async function overdueActionItems(tx: Db, today: string): Promise<Overdue[]> {
	const rows = await tx
		.select()
		.from(actionItem)
		.where(
			and(
				isNull(actionItem.doneAt),
				isNotNull(actionItem.ownerPersonId),
				lt(actionItem.dueOn, today),
				notToldYet(tx, 'action_item_overdue', actionItem.id, actionItem.ownerPersonId)
			)
		);
	return rows.map((row) => ({ ...row, link: actionItemsLink(row.projectId) }));
}

async function overdueDecisions(tx: Db, today: string): Promise<Overdue[]> {
	const rows = await tx
		.select()
		.from(decision)
		.where(
			and(
				inArray(decision.status, [...OPEN_DECISION]),
				isNotNull(decision.ownerPersonId),
				lt(decision.dueOn, today),
				notToldYet(tx, 'decision_overdue', decision.id, decision.ownerPersonId)
			)
		);
	return rows.map((row) => ({
		...row,
		title: shortTitle(row.text),
		link: `/projects/${row.projectId}/governance/decisions/${row.id}`
	}));
}

/**
 * Tells each owner of an action item or a decision past its due day (Rome time) and not done,
 * once, if they may still read the register. Returns how many were told. A backlog (the first
 * round after an import of thousands of decisions) costs a few statements per project, not a
 * few per item: one transaction holds the lock, and on PGlite the server, while it runs.
 */
export async function notifyOverdueWork(db: Db, now = new Date()): Promise<number> {
	const today = romeToday(now);
	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${OVERDUE_LOCK_KEY})`);
		const due: [NotificationKind, Overdue[]][] = [
			['action_item_overdue', await overdueActionItems(tx, today)],
			['decision_overdue', await overdueDecisions(tx, today)]
		];
		const readers = await registerReaders(
			tx,
			due.flatMap(([, items]) => items)
		);
		const inputs: NotifyInput[] = due.flatMap(([kind, items]) =>
			items.flatMap((item) => {
				const owner = item.ownerPersonId;
				if (!owner || !readers.get(item.projectId)?.has(owner)) return [];
				const { projectId, id: resourceId, title, link } = item;
				return [{ recipientIds: [owner], kind, projectId, resourceId, title, link }];
			})
		);
		await notifyEach(tx, inputs, now);
		return inputs.length;
	});
}

/** Per project, the owners among `items` who may still read its register: one look-up a project. */
async function registerReaders(tx: Db, items: Overdue[]): Promise<Map<string, Set<string>>> {
	const ownersByProject = new Map<string, (string | null)[]>();
	for (const item of items) {
		const owners = ownersByProject.get(item.projectId) ?? [];
		owners.push(item.ownerPersonId);
		ownersByProject.set(item.projectId, owners);
	}
	const readers = new Map<string, Set<string>>();
	for (const [projectId, owners] of ownersByProject) {
		const allowed = await allowedAmong(tx, owners, 'governance.read', { projectId });
		readers.set(projectId, new Set(allowed));
	}
	return readers;
}
