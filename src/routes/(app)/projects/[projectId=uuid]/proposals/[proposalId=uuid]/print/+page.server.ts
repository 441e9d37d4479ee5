import * as proposals from '$lib/server/proposals/proposals';
import * as actions from '$lib/server/proposals/actions';
import { readContent } from '$lib/server/proposals/proposal-content';
import { projectPartners } from '$lib/server/proposals/partners';
import { loadOrError } from '$lib/server/http/run-endpoint';
import type { PageServerLoad } from './$types';

/** The whole proposal on one page, for the browser's print (with its own print stylesheet). */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { ctx } = locals;
	return loadOrError(async () => {
		const proposal = await proposals.get(ctx, params.proposalId);
		const [content, derived, partners] = await Promise.all([
			readContent(ctx.db, proposal.id),
			actions.derived(ctx, proposal.id),
			projectPartners(ctx.db, proposal.projectId)
		]);
		return {
			proposal: { id: proposal.id, title: proposal.title },
			sections: content.sections.map((s) => ({
				id: s.id,
				number: s.number,
				title: s.title,
				kind: s.kind,
				json: s.json
			})),
			derived: { ...derived, budget: undefined },
			partners
		};
	});
};
