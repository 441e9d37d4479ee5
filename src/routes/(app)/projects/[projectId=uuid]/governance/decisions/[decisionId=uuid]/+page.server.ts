import { error } from '@sveltejs/kit';
import { transitionForm } from '$lib/governance/decision-form';
import { can } from '$lib/server/access/policy';
import * as decisions from '$lib/server/governance/decisions';
import * as register from '$lib/server/governance/decision-register';
import { proposingSessions } from '$lib/server/labs/session-proposals';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { inProject } from '$lib/server/http/url-resources';
import type { Actions, PageServerLoad } from './$types';

/** One decision: text, passage, owner, links, full status history, and the status change form. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { ctx } = locals;
	return loadOrError(async () => {
		const view = await decisions.get(ctx, params.decisionId);
		if (view.decision.projectId !== params.projectId) error(404);
		const canUpdate = await can(ctx.db, ctx.actor, 'decision.update', {
			projectId: params.projectId
		});
		const noFilter = { bodyId: null, status: null, ownerId: null, overdue: false, q: '' };
		const others = canUpdate
			? (await register.list(ctx, params.projectId, noFilter, { limit: 200, offset: 0 })).rows
					.filter((row) => row.id !== params.decisionId)
					.map((row) => ({ id: row.id, text: row.text }))
			: [];
		const proposedBy = await proposingSessions(ctx, params.decisionId);
		return { ...view, canUpdate, others, proposedBy };
	});
};

export const actions: Actions = {
	transition: (event) =>
		runAction(event, inProject(event, 'decision.update'), transitionForm, async (input) => {
			await decisions.transition(event.locals.ctx, {
				...input,
				decisionId: event.params.decisionId
			});
			return { done: 'moved' as const };
		})
};
