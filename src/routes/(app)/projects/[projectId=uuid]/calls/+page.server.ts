import { redirect } from '@sveltejs/kit';
import { can } from '$lib/server/access/policy';
import * as calls from '$lib/server/proposals/calls';
import * as templates from '$lib/server/proposals/templates';
import { callForm } from '$lib/proposals/forms';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { inProject } from '$lib/server/http/url-resources';
import type { Actions, PageServerLoad } from './$types';

/** The project's calls (avvisi), and the form a coordinator uses to publish a new one. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { ctx } = locals;
	const { projectId } = params;
	return loadOrError(async () => ({
		calls: await calls.list(ctx, projectId),
		templates: (await templates.list(ctx, projectId)).map(({ id, name, projectId }) => ({
			id,
			name,
			imported: projectId !== null
		})),
		canManage: await can(ctx.db, ctx.actor, 'call.manage', { projectId })
	}));
};

export const actions: Actions = {
	create: async (event) => {
		const created = await runAction(event, inProject(event, 'call.manage'), callForm, (input) =>
			calls.create(event.locals.ctx, event.params.projectId, input)
		);
		if ('id' in created) redirect(303, `/projects/${event.params.projectId}/calls/${created.id}`);
		return created;
	}
};
