import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import {
	actionItem,
	membership,
	organisation,
	person,
	project,
	type ActionItem
} from '../db/schema';
import { authorize } from '../access/policy';
import { record } from '../audit/audit';
import { NotFoundError, UnauthorizedError } from '../errors';
import type { ActionItemInput } from '../../governance/decision-form';
import { romeToday } from '../../governance/rome-time';
import { notifyActionItemAssigned } from '../notifications/assigned-to-you';

export async function create({ db, actor }: Ctx, projectId: string, input: ActionItemInput) {
	const { actor: signedIn } = await authorize(db, actor, 'action_item.manage', { projectId });
	const created = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(actionItem)
			.values({ projectId, ...input, createdById: signedIn.id })
			.returning();
		await notifyActionItemAssigned(tx, row, signedIn.id);
		return row;
	});
	await record(db, {
		actorId: signedIn.id,
		action: 'action_item.create',
		resourceType: 'action_item',
		resourceId: created.id,
		projectId
	});
	return created;
}

/** Ticks an item done (or not). Its owner may, even without the right to manage action items. */
export async function setDone(
	{ db, actor }: Ctx,
	input: { actionItemId: string; done: boolean }
): Promise<ActionItem> {
	const [found] = await db.select().from(actionItem).where(eq(actionItem.id, input.actionItemId));
	if (!found) throw new NotFoundError('gov_action_item_not_found');
	const own = actor !== null && found.ownerPersonId === actor.id;
	const { actor: signedIn } = await authorize(
		db,
		actor,
		own ? 'governance.read' : 'action_item.manage',
		{
			projectId: found.projectId
		}
	);
	const [updated] = await db
		.update(actionItem)
		.set(
			input.done ? { doneAt: new Date(), doneById: signedIn.id } : { doneAt: null, doneById: null }
		)
		.where(eq(actionItem.id, found.id))
		.returning();
	return updated;
}

export interface ActionItemRow extends ActionItem {
	ownerPersonName: string | null;
	ownerOrganisationName: string | null;
	overdue: boolean;
}

const rowFields = {
	item: actionItem,
	ownerPersonName: person.name,
	ownerOrganisationName: organisation.name
};

function withOverdue(
	rows: { item: ActionItem; ownerPersonName: string | null; ownerOrganisationName: string | null }[]
) {
	const today = romeToday();
	return rows.map(({ item, ...names }) => ({
		...item,
		...names,
		overdue: item.doneAt === null && item.dueOn !== null && item.dueOn < today
	}));
}

export async function listForProject(
	{ db, actor }: Ctx,
	projectId: string
): Promise<ActionItemRow[]> {
	await authorize(db, actor, 'governance.read', { projectId });
	const rows = await db
		.select(rowFields)
		.from(actionItem)
		.leftJoin(person, eq(actionItem.ownerPersonId, person.id))
		.leftJoin(organisation, eq(actionItem.ownerOrganisationId, organisation.id))
		.where(eq(actionItem.projectId, projectId))
		.orderBy(
			sql`${actionItem.doneAt} is not null`,
			asc(actionItem.dueOn),
			asc(actionItem.createdAt)
		);
	return withOverdue(rows);
}

/**
 * The actor's open action items across their projects, soonest due first, for the members'
 * home page. Only projects they still belong to (and may read governance in) are included.
 */
export async function listOpenForPerson({ db, actor }: Ctx) {
	if (!actor) throw new UnauthorizedError();
	const rows = await db
		.select({ ...rowFields, projectTitle: project.title })
		.from(actionItem)
		.innerJoin(
			membership,
			and(eq(membership.projectId, actionItem.projectId), eq(membership.personId, actor.id))
		)
		.innerJoin(project, eq(actionItem.projectId, project.id))
		.leftJoin(person, eq(actionItem.ownerPersonId, person.id))
		.leftJoin(organisation, eq(actionItem.ownerOrganisationId, organisation.id))
		.where(and(eq(actionItem.ownerPersonId, actor.id), isNull(actionItem.doneAt)))
		.orderBy(sql`${actionItem.dueOn} asc nulls last`);
	const titled = new Map(rows.map((r) => [r.item.id, r.projectTitle]));
	return withOverdue(rows).map((row) => ({ ...row, projectTitle: titled.get(row.id) ?? '' }));
}
