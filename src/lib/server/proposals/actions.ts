import type { Ctx } from '../context';
import { authorize } from '../access/policy';
import { readDocument } from '../live/store';
import type { ActionBlock } from '../../proposals/action-block';
import {
	budget,
	cronoprogramma,
	lastMonth,
	partnerMatrix,
	type Budget,
	type CronoRow,
	type MatrixCell
} from '../../proposals/derive';
import { findProposalOrThrow } from './proposals';
import { blocksOf } from './action-blocks';
import { actionsDocumentName } from './section-content';
import { projectDurationMonths } from './project-duration';

export interface DerivedActions {
	blocks: ActionBlock[];
	durationMonths: number;
	cronoprogramma: CronoRow[];
	matrix: MatrixCell[];
	budget: Budget;
}

/** The proposal's action blocks as stored now, and everything derived from them. */
export async function derived(ctx: Ctx, proposalId: string): Promise<DerivedActions> {
	const found = await findProposalOrThrow(ctx.db, proposalId);
	await authorize(ctx.db, ctx.actor, 'proposal.read', { projectId: found.projectId });
	const doc = await readDocument(ctx.db, actionsDocumentName(proposalId));
	try {
		const blocks = blocksOf(doc);
		const durationMonths =
			(await projectDurationMonths(ctx.db, found.projectId)) ?? Math.max(lastMonth(blocks), 12);
		return {
			blocks,
			durationMonths,
			cronoprogramma: cronoprogramma(blocks, durationMonths),
			matrix: partnerMatrix(blocks),
			budget: budget(blocks)
		};
	} finally {
		doc.destroy();
	}
}
