import { eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { proposalSection, sectionOwner, type ProposalSection } from '../db/schema';
import { authorize, decide } from '../access/policy';
import { ConflictError, ForbiddenError, InvalidError } from '../errors';
import { canMove, needsReview, type SectionStatusValue } from '../../proposals/section-status';
import { arePartners } from './partners';
import {
	findSectionOrThrow,
	sectionResource,
	type SectionAccessFields,
	type SectionRecord
} from './section-lookup';
import { actionsDocumentName, sectionDocumentName } from './section-content';
import { editorMode as editorModeOf, permissionOf, type EditorMode } from '../live/access';
import { sectionAccess } from './documents';
import { notifySectionAssigned } from '../notifications/section-assigned';

export type { EditorMode };

/**
 * How the canvas opens a section for this actor. The collaboration server lets suggesters
 * write (ADR 0051); the editor is what keeps them in suggestion mode.
 */
export async function editorMode(
	ctx: Ctx,
	sectionId: string
): Promise<{ section: SectionRecord; mode: EditorMode }> {
	const section = await findSectionOrThrow(ctx.db, sectionId);
	const grant = await authorize(ctx.db, ctx.actor, 'proposal.read', sectionResource(section));
	const mode = editorModeOf(permissionOf(grant, sectionAccess(section)));
	return { section, mode };
}

/**
 * editorMode for every section of one proposal, with one policy look-up for all of them (the
 * canvas opens every section at once): the same answer, section by section.
 */
export async function editorModes(
	ctx: Ctx,
	projectId: string,
	sections: Omit<SectionAccessFields, 'projectId'>[]
): Promise<EditorMode[]> {
	const grant = await authorize(ctx.db, ctx.actor, 'proposal.read', { projectId });
	return sections.map((section) => {
		const access = sectionAccess({ ...section, projectId });
		if (!decide(grant, access.read, access.resource)) throw new ForbiddenError();
		return editorModeOf(permissionOf(grant, access));
	});
}

/** Writing moves (to write ↔ draft ↔ in review) are the owners'; agreeing is the coordinator's. */
export async function setStatus(
	ctx: Ctx,
	input: { sectionId: string; status: SectionStatusValue }
): Promise<ProposalSection> {
	const section = await findSectionOrThrow(ctx.db, input.sectionId);
	const review = needsReview(section.status, input.status);
	await authorize(
		ctx.db,
		ctx.actor,
		review ? 'proposal.review' : 'proposal.edit',
		sectionResource(section)
	);
	if (!canMove(section.status, input.status)) throw new InvalidError('proposal_bad_transition');
	const [row] = await ctx.db
		.update(proposalSection)
		.set({ status: input.status })
		.where(eq(proposalSection.id, section.id))
		.returning();
	return row;
}

/**
 * Who owns a section is part of the proposal's structure: the coordinator decides. Owners
 * edit and others only suggest, so open editors are re-authorised (ADR 0095).
 */
export async function setOwners(
	ctx: Ctx,
	input: { sectionId: string; organisationIds: string[] }
): Promise<void> {
	const section = await findSectionOrThrow(ctx.db, input.sectionId);
	const { actor: assigner } = await authorize(ctx.db, ctx.actor, 'proposal.create', {
		projectId: section.projectId
	});
	const wanted = [...new Set(input.organisationIds)];
	const added = wanted.filter((id) => !section.ownerOrganisationIds.includes(id));
	if (!(await arePartners(ctx.db, section.projectId, wanted))) {
		throw new InvalidError('proposal_owner_not_partner');
	}
	await ctx.db.transaction(async (tx) => {
		await tx.delete(sectionOwner).where(eq(sectionOwner.sectionId, section.id));
		if (wanted.length > 0) {
			await tx
				.insert(sectionOwner)
				.values(wanted.map((organisationId) => ({ sectionId: section.id, organisationId })));
		}
		await notifySectionAssigned(tx, section, added, assigner.id);
	});
	ctx.live.invalidate(sectionDocumentName(section.id));
	if (section.kind === 'actions') ctx.live.invalidate(actionsDocumentName(section.proposalId));
}

/**
 * Locks a section: nobody writes its text (nor, for the actions section, its blocks). The
 * collaboration server is told at once, so open editors turn read-only and updates are refused.
 */
export async function lock(ctx: Ctx, input: { sectionId: string }) {
	return setLocked(ctx, input.sectionId, true);
}

export async function unlock(ctx: Ctx, input: { sectionId: string }) {
	return setLocked(ctx, input.sectionId, false);
}

async function setLocked(ctx: Ctx, sectionId: string, locked: boolean): Promise<ProposalSection> {
	const section = await findSectionOrThrow(ctx.db, sectionId);
	const { actor: signedIn } = await authorize(ctx.db, ctx.actor, 'proposal.lock', {
		projectId: section.projectId
	});
	if (section.locked === locked) throw new ConflictError();
	const [row] = await ctx.db
		.update(proposalSection)
		.set(
			locked
				? { locked, lockedById: signedIn.id, lockedAt: new Date() }
				: { locked, lockedById: null, lockedAt: null }
		)
		.where(eq(proposalSection.id, section.id))
		.returning();
	ctx.live.invalidate(sectionDocumentName(section.id));
	if (section.kind === 'actions') ctx.live.invalidate(actionsDocumentName(section.proposalId));
	return row;
}
