import { desc, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { person, proposalVersion, type ProposalVersion } from '../db/schema';
import { authorize } from '../access/policy';
import { NotFoundError } from '../errors';
import { findProposalOrThrow } from './proposals';
import { readContent, type ProposalContent } from './proposal-content';
import { findVersionOrThrow, hasDailyVersion, romeDay, saveVersion } from './version-store';

/**
 * History of a proposal: named versions ("inviata al tavolo il 12/03"), one automatic version a
 * day, and the states kept before each restore. A version holds the full state of every live
 * document of the proposal, so it can be read, compared and restored without the live log.
 */
export interface VersionSummary {
	id: string;
	name: string | null;
	kind: ProposalVersion['kind'];
	createdAt: Date;
	createdByName: string | null;
}

export async function createNamed(
	ctx: Ctx,
	input: { proposalId: string; name: string }
): Promise<ProposalVersion> {
	const found = await findProposalOrThrow(ctx.db, input.proposalId);
	const { actor: signedIn } = await authorize(ctx.db, ctx.actor, 'proposal.edit', {
		projectId: found.projectId
	});
	const version = await saveVersion(ctx.db, {
		proposalId: found.id,
		kind: 'named',
		name: input.name,
		createdById: signedIn.id
	});
	return version!;
}

/** Called when someone opens the proposal: the first opening of the day keeps that day's state. */
export async function ensureDaily(ctx: Ctx, proposalId: string): Promise<ProposalVersion | null> {
	const found = await findProposalOrThrow(ctx.db, proposalId);
	await authorize(ctx.db, ctx.actor, 'proposal.read', { projectId: found.projectId });
	// Every later opening of the day stops here, before reading every document of the proposal.
	if (await hasDailyVersion(ctx.db, proposalId, romeDay())) return null;
	return saveVersion(ctx.db, { proposalId, kind: 'daily', name: null, createdById: null });
}

export async function list(ctx: Ctx, proposalId: string): Promise<VersionSummary[]> {
	const found = await findProposalOrThrow(ctx.db, proposalId);
	await authorize(ctx.db, ctx.actor, 'proposal.read', { projectId: found.projectId });
	return ctx.db
		.select({
			id: proposalVersion.id,
			name: proposalVersion.name,
			kind: proposalVersion.kind,
			createdAt: proposalVersion.createdAt,
			createdByName: person.name
		})
		.from(proposalVersion)
		.leftJoin(person, eq(person.id, proposalVersion.createdById))
		.where(eq(proposalVersion.proposalId, proposalId))
		.orderBy(desc(proposalVersion.createdAt), desc(proposalVersion.id));
}

/** A version's content, read-only. */
export async function content(
	ctx: Ctx,
	input: { proposalId: string; versionId: string }
): Promise<{ version: ProposalVersion } & ProposalContent> {
	const version = await versionInProposal(ctx, input);
	return { version, ...(await readContent(ctx.db, input.proposalId, version.id)) };
}

export async function versionInProposal(
	ctx: Ctx,
	input: { proposalId: string; versionId: string }
): Promise<ProposalVersion> {
	const found = await findProposalOrThrow(ctx.db, input.proposalId);
	await authorize(ctx.db, ctx.actor, 'proposal.read', { projectId: found.projectId });
	const version = await findVersionOrThrow(ctx.db, input.versionId);
	if (version.proposalId !== found.id) throw new NotFoundError('proposal_version_not_found');
	return version;
}
