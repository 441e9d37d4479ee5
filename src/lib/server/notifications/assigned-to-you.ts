import type { Db } from '../db/client';
import type { ActionItem, Decision } from '../db/schema';
import { allowedAmong } from './audience';
import { notify } from './notify';

const TITLE_MAX = 120;

/** A decision's text is its title: long ones are cut at a word. */
export function shortTitle(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= TITLE_MAX) return flat;
	const cut = flat.slice(0, TITLE_MAX);
	return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), TITLE_MAX / 2))}…`;
}

/** A decision names someone to carry it out: they are told, unless they named themselves. */
export async function notifyDecisionAssigned(
	db: Db,
	created: Decision,
	byId: string
): Promise<void> {
	const recipientIds = await allowedAmong(
		db,
		[created.ownerPersonId],
		'governance.read',
		{ projectId: created.projectId },
		byId
	);
	await notify(db, {
		recipientIds,
		kind: 'decision_assigned',
		projectId: created.projectId,
		resourceId: created.id,
		title: shortTitle(created.text),
		link: `/projects/${created.projectId}/governance/decisions/${created.id}`
	});
}

/** Where a project's action items are listed. */
export function actionItemsLink(projectId: string): string {
	return `/projects/${projectId}/governance/action-items`;
}

/** An action item names its owner: they are told, unless they named themselves. */
export async function notifyActionItemAssigned(
	db: Db,
	created: ActionItem,
	byId: string
): Promise<void> {
	const recipientIds = await allowedAmong(
		db,
		[created.ownerPersonId],
		'governance.read',
		{ projectId: created.projectId },
		byId
	);
	await notify(db, {
		recipientIds,
		kind: 'action_item_assigned',
		projectId: created.projectId,
		resourceId: created.id,
		title: created.title,
		link: actionItemsLink(created.projectId)
	});
}
