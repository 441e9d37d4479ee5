import { bodyForm } from '$lib/governance/body-form';
import { can } from '$lib/server/access/policy';
import * as bodies from '$lib/server/governance/bodies';
import * as meetings from '$lib/server/governance/meetings';
import * as territories from '$lib/server/territories/territories';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { inProject } from '$lib/server/http/url-resources';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

/** Governance home: the person's invitations, the project's bodies, and a new-body form. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { ctx } = locals;
	const { projectId } = params;
	return loadOrError(async () => {
		const canManage = await can(ctx.db, ctx.actor, 'body.manage', { projectId });
		return {
			bodies: await bodies.list(ctx, projectId),
			invitations: await meetings.listInvitations(ctx, projectId),
			canManage,
			districts: canManage
				? (await territories.listForProject(ctx, projectId)).districts.map((d) => ({
						id: d.id,
						name: d.name
					}))
				: []
		};
	});
};

export const actions: Actions = {
	createBody: (event) =>
		runAction(event, inProject(event, 'body.manage'), bodyForm, async (input) => {
			const created = await bodies.create(event.locals.ctx, event.params.projectId, input);
			redirect(303, `/projects/${event.params.projectId}/governance/bodies/${created.id}`);
		})
};
