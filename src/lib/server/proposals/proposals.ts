import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { proposal, proposalSection, sectionOwner, type Proposal } from '../db/schema';
import { authorize } from '../access/policy';
import { InvalidError, NotFoundError } from '../errors';
import { findCallOrThrow } from './calls';
import { arePartners } from './partners';
import { findTemplate } from './template-store';
import { appendStoredUpdates } from '../live/store';
import { contentUpdate, sectionDocumentName, tableSkeleton } from './section-content';
import { notifySectionAssigned } from '../notifications/section-assigned';

export interface CreateProposalInput {
	projectId: string;
	callId: string;
	title: string;
	/** Owner organisations by section number ("5": [orgId]); sections left out have none yet. */
	owners?: Record<string, string[]>;
}

/**
 * A proposal gets one section per template section, in template order, with its owners; a
 * table section opens with the call's columns.
 */
export async function create(ctx: Ctx, input: CreateProposalInput): Promise<Proposal> {
	const { actor: signedIn } = await authorize(ctx.db, ctx.actor, 'proposal.create', {
		projectId: input.projectId
	});
	const found = await findCallOrThrow(ctx.db, input.projectId, input.callId);
	const template = await findTemplate(ctx.db, found.templateId);
	const owners = input.owners ?? {};
	if (!(await arePartners(ctx.db, input.projectId, Object.values(owners).flat()))) {
		throw new InvalidError('proposal_owner_not_partner');
	}
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(proposal)
			.values({
				projectId: input.projectId,
				callId: input.callId,
				title: input.title,
				createdById: signedIn.id
			})
			.returning();
		const sections = await tx
			.insert(proposalSection)
			.values(
				template.sections.map((section) => ({
					proposalId: row.id,
					templateSectionId: section.id,
					position: section.position,
					number: section.number,
					title: section.title
				}))
			)
			.returning({
				id: proposalSection.id,
				number: proposalSection.number,
				title: proposalSection.title
			});
		const idOf = new Map(sections.map((section) => [section.number, section.id]));
		const tables = template.sections
			.filter((section) => section.kind === 'table')
			.map((section) => ({
				documentName: sectionDocumentName(idOf.get(section.number)!),
				update: contentUpdate(tableSkeleton(section.columns))
			}));
		if (tables.length > 0) await appendStoredUpdates(tx, tables);
		const ownerRows = sections.flatMap((section) =>
			[...new Set(owners[section.number] ?? [])].map((organisationId) => ({
				sectionId: section.id,
				organisationId
			}))
		);
		if (ownerRows.length > 0) await tx.insert(sectionOwner).values(ownerRows);
		for (const section of sections) {
			const assigned = [...new Set(owners[section.number] ?? [])];
			if (assigned.length === 0) continue;
			await notifySectionAssigned(
				tx,
				{ ...section, projectId: input.projectId, proposalId: row.id },
				assigned,
				signedIn.id
			);
		}
		return row;
	});
}

export async function listForCall(
	ctx: Ctx,
	input: { projectId: string; callId: string }
): Promise<Proposal[]> {
	await authorize(ctx.db, ctx.actor, 'proposal.read', { projectId: input.projectId });
	await findCallOrThrow(ctx.db, input.projectId, input.callId);
	return ctx.db
		.select()
		.from(proposal)
		.where(eq(proposal.callId, input.callId))
		.orderBy(asc(proposal.createdAt));
}

export async function get(ctx: Ctx, proposalId: string): Promise<Proposal> {
	const found = await findProposalOrThrow(ctx.db, proposalId);
	await authorize(ctx.db, ctx.actor, 'proposal.read', { projectId: found.projectId });
	return found;
}

export async function findProposalOrThrow(db: Db, proposalId: string): Promise<Proposal> {
	const [found] = await db.select().from(proposal).where(eq(proposal.id, proposalId));
	if (!found) throw new NotFoundError('proposal_not_found');
	return found;
}

/** For routes: the proposal must belong to the project in the address. */
export async function getInProject(
	ctx: Ctx,
	input: { projectId: string; proposalId: string }
): Promise<Proposal> {
	const found = await get(ctx, input.proposalId);
	if (found.projectId !== input.projectId) throw new NotFoundError('proposal_not_found');
	return found;
}

/** Drafting → submitted (sent to the public body) → archived, and back: the coordinator decides. */
export async function setStatus(
	ctx: Ctx,
	input: { proposalId: string; status: Proposal['status'] }
): Promise<Proposal> {
	const found = await findProposalOrThrow(ctx.db, input.proposalId);
	await authorize(ctx.db, ctx.actor, 'proposal.review', { projectId: found.projectId });
	const [row] = await ctx.db
		.update(proposal)
		.set({ status: input.status })
		.where(eq(proposal.id, found.id))
		.returning();
	return row;
}
