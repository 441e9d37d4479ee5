import { redirect } from '@sveltejs/kit';
import { labForm } from '$lib/labs/lab-form';
import { can } from '$lib/server/access/policy';
import * as labs from '$lib/server/labs/labs';
import * as territories from '$lib/server/territories/territories';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { inProject } from '$lib/server/http/url-resources';
import type { Actions, PageServerLoad } from './$types';

/** The project's labs (comunità di pratica), and a form to open one for those who run them. */
export const load: PageServerLoad = async ({ locals, params }) =>
	loadOrError(async () => {
		const { ctx } = locals;
		const { projectId } = params;
		const list = await labs.list(ctx, projectId);
		const canRun = await can(ctx.db, ctx.actor, 'lab.run', { projectId });
		return {
			labs: list,
			canRun,
			people: canRun ? await labs.people(ctx, projectId) : [],
			districts: canRun
				? (await territories.listForProject(ctx, projectId)).districts.map((d) => ({
						id: d.id,
						name: d.name
					}))
				: []
		};
	});

export const actions: Actions = {
	create: (event) =>
		runAction(event, inProject(event, 'lab.run'), labForm, async (input) => {
			const created = await labs.create(event.locals.ctx, event.params.projectId, input);
			redirect(303, `/projects/${event.params.projectId}/labs/${created.id}`);
		})
};
