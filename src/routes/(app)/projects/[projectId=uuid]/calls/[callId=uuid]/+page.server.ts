import { redirect } from '@sveltejs/kit';
import { can } from '$lib/server/access/policy';
import * as calls from '$lib/server/proposals/calls';
import * as proposals from '$lib/server/proposals/proposals';
import * as templates from '$lib/server/proposals/templates';
import { proposalForm } from '$lib/proposals/forms';
import { callOfficialForm } from '$lib/proposals/call-official';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { inProject } from '$lib/server/http/url-resources';
import type { Actions, PageServerLoad } from './$types';

/** A call with its progetto di massima, its template's sections and the proposals written for it. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { ctx } = locals;
	const { projectId, callId } = params;
	return loadOrError(async () => {
		const found = await calls.get(ctx, { projectId, callId });
		return {
			call: found,
			template: await templates.get(ctx, { projectId, templateId: found.templateId }),
			proposals: await proposals.listForCall(ctx, { projectId, callId }),
			canCreate: await can(ctx.db, ctx.actor, 'proposal.create', { projectId }),
			canManage: await can(ctx.db, ctx.actor, 'call.manage', { projectId })
		};
	});
};

export const actions: Actions = {
	propose: async (event) => {
		const { projectId, callId } = event.params;
		const created = await runAction(
			event,
			inProject(event, 'proposal.create'),
			proposalForm,
			(input) => proposals.create(event.locals.ctx, { projectId, callId, title: input.title })
		);
		if ('id' in created) redirect(303, `/projects/${projectId}/proposals/${created.id}`);
		return created;
	},
	official: async (event) => {
		const { projectId, callId } = event.params;
		const saved = await runAction(
			event,
			inProject(event, 'call.manage'),
			callOfficialForm,
			(input) => calls.updateOfficial(event.locals.ctx, { projectId, callId, ...input })
		);
		return 'id' in saved ? { officialSaved: true } : saved;
	}
};
