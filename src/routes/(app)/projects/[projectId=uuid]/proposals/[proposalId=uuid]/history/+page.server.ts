import { can } from '$lib/server/access/policy';
import * as proposals from '$lib/server/proposals/proposals';
import * as versions from '$lib/server/proposals/versions';
import { diff } from '$lib/server/proposals/version-diff';
import { authorship } from '$lib/server/proposals/authorship';
import { restore } from '$lib/server/proposals/version-restore';
import { restoreForm, versionForm } from '$lib/proposals/forms';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { inProject } from '$lib/server/http/url-resources';
import type { Actions, PageServerLoad } from './$types';

/**
 * History of a proposal: versions, one version read-only (`?view=`), what changed between two
 * (`?from=&to=`, `current` for now), who wrote what (`?authors=`, a version or `current`), save
 * a named version, restore one as a new change.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { ctx } = locals;
	const { proposalId } = params;
	const view = url.searchParams.get('view');
	const from = url.searchParams.get('from');
	const to = url.searchParams.get('to');
	const authorsOf = url.searchParams.get('authors');
	return loadOrError(async () => {
		const proposal = await proposals.get(ctx, proposalId);
		const projectId = proposal.projectId;
		return {
			proposal: { id: proposal.id, title: proposal.title },
			versions: await versions.list(ctx, proposalId),
			viewed: view ? await versions.content(ctx, { proposalId, versionId: view }) : null,
			changes: from && to ? { from, to, ...(await diff(ctx, { proposalId, from, to })) } : null,
			authored: authorsOf
				? { ref: authorsOf, ...(await authorship(ctx, { proposalId, ref: authorsOf })) }
				: null,
			may: {
				save: await can(ctx.db, ctx.actor, 'proposal.edit', { projectId }),
				restore: await can(ctx.db, ctx.actor, 'proposal.review', { projectId })
			}
		};
	});
};

export const actions: Actions = {
	save: (event) =>
		runAction(event, inProject(event, 'proposal.edit'), versionForm, async (input) => {
			await versions.createNamed(event.locals.ctx, {
				proposalId: event.params.proposalId,
				name: input.name
			});
			return { done: 'saved' as const };
		}),
	restore: (event) =>
		runAction(event, inProject(event, 'proposal.review'), restoreForm, async (input) => {
			await restore(event.locals.ctx, {
				proposalId: event.params.proposalId,
				versionId: input.versionId
			});
			return { done: 'restored' as const };
		})
};
