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

/** Where a project's action items are listed. */
export function actionItemsLink(projectId: string): string {
	return `/projects/${projectId}/governance/action-items`;
}

/** A decision names someone to carry it out: they are told, unless they named themselves. */
export async function notifyDecisionAssigned(db: Db, created: Decision, byId: string) {
	await notifyOwner(db, created, byId, {
		kind: 'decision_assigned',
		title: shortTitle(created.text),
		link: `/projects/${created.projectId}/governance/decisions/${created.id}`
	});
}

/** An action item names its owner: they are told, unless they named themselves. */
export async function notifyActionItemAssigned(db: Db, created: ActionItem, byId: string) {
	await notifyOwner(db, created, byId, {
		kind: 'action_item_assigned',
		title: created.title,
		link: actionItemsLink(created.projectId)
	});
}

/** The named owner of a governance record hears of it, if they may read the register. */
async function notifyOwner(
	db: Db,
	record: { id: string; projectId: string; ownerPersonId: string | null },
	byId: string,
	what: { kind: 'decision_assigned' | 'action_item_assigned'; title: string; link: string }
): Promise<void> {
	const recipientIds = await allowedAmong(
		db,
		[record.ownerPersonId],
		'governance.read',
		{ projectId: record.projectId },
		byId
	);
	await notify(db, {
		recipientIds,
		kind: what.kind,
		projectId: record.projectId,
		resourceId: record.id,
		title: what.title,
		link: what.link
	});
}
