import { and, asc, eq } from 'drizzle-orm';
import { m } from '../../paraglide/messages';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import {
	agendaItem,
	decision,
	decisionLink,
	decisionStatusChange,
	organisation,
	person,
	type Decision,
	type DecisionStatus
} from '../db/schema';
import { authorize } from '../access/policy';
import { record } from '../audit/audit';
import { ConflictError, InvalidError, NotFoundError } from '../errors';
import { canTransition } from '../../governance/decision-status';
import type { DecisionInput, TransitionInput } from '../../governance/decision-form';
import { findMeeting } from './meetings';
import { checkedLinks } from './link-targets';
import { notifyDecisionAssigned } from '../notifications/assigned-to-you';

export async function findDecision(db: Db, decisionId: string): Promise<Decision> {
	const [found] = await db.select().from(decision).where(eq(decision.id, decisionId));
	if (!found) throw new NotFoundError('gov_decision_not_found');
	return found;
}

/** Throws unless the status machine allows the move (see decision-status.ts). */
export function assertTransition(from: DecisionStatus, to: DecisionStatus): void {
	if (!canTransition(from, to)) {
		throw new InvalidError('gov_transition_not_allowed', {
			to: [m.error_gov_transition_not_allowed()]
		});
	}
}

/** A decision made from a passage of a meeting's minutes; born `proposed`, with its first history row. */
/** The vote is optional: a decision made outside a sitting, or not yet voted, is only proposed. */
type VoteFields = 'outcome' | 'votesFor' | 'votesAgainst' | 'votesAbstained';
export type ProposeInput = Omit<DecisionInput, VoteFields> &
	Partial<Pick<DecisionInput, VoteFields>>;

export async function propose({ db, actor }: Ctx, input: ProposeInput): Promise<Decision> {
	const outcome = input.outcome ?? 'proposed';
	const found = await findMeeting(db, input.meetingId);
	const { actor: signedIn } = await authorize(db, actor, 'decision.propose', {
		projectId: found.projectId
	});
	if (input.agendaItemId) {
		const [item] = await db
			.select({ id: agendaItem.id })
			.from(agendaItem)
			.where(and(eq(agendaItem.id, input.agendaItemId), eq(agendaItem.meetingId, found.id)));
		if (!item) {
			throw new InvalidError('invalid', { agendaItemId: [m.error_gov_agenda_item_unknown()] });
		}
	}
	// Recording the sitting's vote moves the decision at once: that is the right to update it.
	if (outcome !== 'proposed') {
		await authorize(db, actor, 'decision.update', { projectId: found.projectId });
	}
	const links = await checkedLinks(db, found.projectId, input.links);
	const created = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(decision)
			.values({
				projectId: found.projectId,
				bodyId: found.bodyId,
				meetingId: found.id,
				agendaItemId: input.agendaItemId,
				text: input.text,
				quote: input.quote,
				ownerOrganisationId: input.ownerOrganisationId,
				ownerPersonId: input.ownerPersonId,
				dueOn: input.dueOn,
				status: outcome,
				votesFor: input.votesFor ?? null,
				votesAgainst: input.votesAgainst ?? null,
				votesAbstained: input.votesAbstained ?? null,
				createdById: signedIn.id
			})
			.returning();
		await tx
			.insert(decisionStatusChange)
			.values({ decisionId: row.id, fromStatus: null, toStatus: 'proposed', actorId: signedIn.id });
		if (outcome !== 'proposed') {
			await tx.insert(decisionStatusChange).values({
				decisionId: row.id,
				fromStatus: 'proposed',
				toStatus: outcome,
				actorId: signedIn.id
			});
		}
		if (links.length > 0) {
			await tx
				.insert(decisionLink)
				.values(links.map((link) => ({ decisionId: row.id, ...link })))
				.onConflictDoNothing();
		}
		await notifyDecisionAssigned(tx, row, signedIn.id);
		return row;
	});
	await record(db, {
		actorId: signedIn.id,
		action: 'decision.propose',
		resourceType: 'decision',
		resourceId: created.id,
		projectId: created.projectId
	});
	return created;
}

/**
 * Moves a decision along its status machine, recording who, when and why. `superseded` names
 * the decision that replaces it, which must be another decision of the same project.
 */
export async function transition({ db, actor }: Ctx, input: TransitionInput): Promise<Decision> {
	const found = await findDecision(db, input.decisionId);
	const { actor: signedIn } = await authorize(db, actor, 'decision.update', {
		projectId: found.projectId
	});
	assertTransition(found.status, input.to);
	let supersededById: string | null = null;
	if (input.to === 'superseded') {
		const by = input.supersededById
			? await findDecision(db, input.supersededById).catch(() => null)
			: null;
		if (!by || by.id === found.id || by.projectId !== found.projectId) {
			throw new InvalidError('invalid', {
				supersededById: [m.error_gov_superseding_decision_invalid()]
			});
		}
		supersededById = by.id;
	}
	const updated = await db.transaction(async (tx) => {
		// The status in the WHERE makes two concurrent moves from the same state collide.
		const [row] = await tx
			.update(decision)
			.set({ status: input.to, supersededById, updatedAt: new Date() })
			.where(and(eq(decision.id, found.id), eq(decision.status, found.status)))
			.returning();
		if (!row) throw new ConflictError();
		await tx.insert(decisionStatusChange).values({
			decisionId: found.id,
			fromStatus: found.status,
			toStatus: input.to,
			note: input.note,
			actorId: signedIn.id
		});
		return row;
	});
	await record(db, {
		actorId: signedIn.id,
		action: 'decision.transition',
		resourceType: 'decision',
		resourceId: found.id,
		projectId: found.projectId,
		detail: { from: found.status, to: input.to }
	});
	return updated;
}

/** One decision with its full status history and links. */
export async function get({ db, actor }: Ctx, decisionId: string) {
	const found = await findDecision(db, decisionId);
	await authorize(db, actor, 'governance.read', { projectId: found.projectId });
	const history = await db
		.select({ change: decisionStatusChange, actorName: person.name })
		.from(decisionStatusChange)
		.leftJoin(person, eq(decisionStatusChange.actorId, person.id))
		.where(eq(decisionStatusChange.decisionId, decisionId))
		.orderBy(asc(decisionStatusChange.id));
	const links = await db.select().from(decisionLink).where(eq(decisionLink.decisionId, decisionId));
	const [owner] = await db
		.select({ personName: person.name, organisationName: organisation.name })
		.from(decision)
		.leftJoin(person, eq(decision.ownerPersonId, person.id))
		.leftJoin(organisation, eq(decision.ownerOrganisationId, organisation.id))
		.where(eq(decision.id, decisionId));
	return { decision: found, history, links, owner };
}

/** The decisions made in one meeting, in the order they were recorded (meeting page, verbale). */
export async function listForMeeting({ db, actor }: Ctx, meetingId: string) {
	const found = await findMeeting(db, meetingId);
	await authorize(db, actor, 'governance.read', { projectId: found.projectId });
	return db
		.select({
			decision,
			agendaPosition: agendaItem.position,
			ownerPersonName: person.name,
			ownerOrganisationName: organisation.name
		})
		.from(decision)
		.leftJoin(agendaItem, eq(decision.agendaItemId, agendaItem.id))
		.leftJoin(person, eq(decision.ownerPersonId, person.id))
		.leftJoin(organisation, eq(decision.ownerOrganisationId, organisation.id))
		.where(eq(decision.meetingId, meetingId))
		.orderBy(asc(decision.createdAt));
}
