import { redirect } from '@sveltejs/kit';
import { labForm } from '$lib/labs/lab-form';
import * as labs from '$lib/server/labs/labs';
import * as territories from '$lib/server/territories/territories';
import { ForbiddenError } from '$lib/server/errors';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { onLab } from '$lib/server/http/url-resources';
import type { Actions, PageServerLoad } from './$types';

/** Editing a lab after it opened: those who run labs, with the whole lab in one form. */
export const load: PageServerLoad = async ({ locals, params }) =>
	loadOrError(async () => {
		const { ctx } = locals;
		const view = await labs.get(ctx, params.projectId, params.labId);
		if (!view.canRun) throw new ForbiddenError();
		return {
			lab: { id: view.lab.id, title: view.lab.title },
			values: await labs.formValues(ctx.db, view.lab),
			people: await labs.people(ctx, params.projectId),
			districts: (await territories.listForProject(ctx, params.projectId)).districts.map((d) => ({
				id: d.id,
				name: d.name
			}))
		};
	});

export const actions: Actions = {
	default: (event) =>
		runAction(event, onLab(event, 'lab.run'), labForm, async (input) => {
			const { projectId, labId } = event.params;
			await labs.update(event.locals.ctx, projectId, labId, input);
			redirect(303, `/projects/${projectId}/labs/${labId}?edited=1`);
		})
};
