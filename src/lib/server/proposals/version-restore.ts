import type * as Y from 'yjs';
import type { Ctx } from '../context';
import { authorize } from '../access/policy';
import { ConflictError } from '../errors';
import { readDocument } from '../live/store';
import { actionField } from '../../proposals/section-kinds';
import type { ProposalVersion } from '../db/schema';
import { readContent } from './proposal-content';
import { replaceActionsUpdate } from './action-blocks';
import { actionsDocumentName, replaceContentUpdate, sectionDocumentName } from './section-content';
import { saveVersion } from './version-store';
import { findProposalOrThrow } from './proposals';
import { versionInProposal } from './versions';

/**
 * Restores a version as a new change: the current state is first kept as a "restore" version,
 * then each document gets an update that turns it into the version's content. Nothing is
 * rewritten or deleted, so every earlier state stays in the history. Locked sections that would
 * change make the whole restore refuse: unlock them first.
 */
export async function restore(
	ctx: Ctx,
	input: { proposalId: string; versionId: string }
): Promise<ProposalVersion> {
	const found = await findProposalOrThrow(ctx.db, input.proposalId);
	const { actor: signedIn } = await authorize(ctx.db, ctx.actor, 'proposal.review', {
		projectId: found.projectId
	});
	const version = await versionInProposal(ctx, input);
	const target = await readContent(ctx.db, input.proposalId, version.id);
	const updates: { name: string; update: Uint8Array }[] = [];
	for (const section of target.sections) {
		const name = sectionDocumentName(section.id);
		const update = await diffUpdate(ctx, name, (doc) => replaceContentUpdate(doc, section.json));
		if (update && section.locked) throw new ConflictError('proposal_section_locked');
		if (update) updates.push({ name, update });
		// Each action's text of a per-action section, as the version held it (ADR 0198).
		for (const [actionId, json] of Object.entries(section.byAction)) {
			const own = await diffUpdate(ctx, name, (doc) =>
				replaceContentUpdate(doc, json, actionField(actionId))
			);
			if (own && section.locked) throw new ConflictError('proposal_section_locked');
			if (own) updates.push({ name, update: own });
		}
	}
	const actionsName = actionsDocumentName(input.proposalId);
	const actionsLocked = target.sections.some((s) => s.kind === 'actions' && s.locked);
	// The blocks and the schedule choice beside them (ADR 0186) come back together.
	const blocksUpdate = await diffUpdate(ctx, actionsName, (doc) =>
		replaceActionsUpdate(doc, target.blocks, target.schedule)
	);
	if (blocksUpdate && actionsLocked) throw new ConflictError('proposal_section_locked');
	if (blocksUpdate) updates.push({ name: actionsName, update: blocksUpdate });

	const kept = await saveVersion(ctx.db, {
		proposalId: input.proposalId,
		kind: 'restore',
		name: version.name,
		createdById: signedIn.id
	});
	for (const { name, update } of updates) await ctx.live.write(name, update);
	return kept!;
}

/** The update `change` makes on the current document, or null when it changes nothing. */
async function diffUpdate(
	ctx: Ctx,
	name: string,
	change: (doc: Y.Doc) => Uint8Array | null
): Promise<Uint8Array | null> {
	const doc = await readDocument(ctx.db, name);
	try {
		return change(doc);
	} finally {
		doc.destroy();
	}
}
