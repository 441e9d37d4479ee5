import { redirect } from '@sveltejs/kit';
import { projectCreateForm } from '$lib/admin/forms';
import * as setup from '$lib/server/admin/setup';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { asAdmin } from '$lib/server/http/url-resources';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) =>
	loadOrError(async () => {
		const { organisations } = await setup.choices(locals.ctx);
		return { organisations };
	});

/** A new project goes straight on to its coordinator: a project without one is a dead end. */
export const actions: Actions = {
	default: (event) =>
		runAction(event, asAdmin('admin.project_create'), projectCreateForm, async (input) => {
			const created = await setup.createProject(event.locals.ctx, input);
			redirect(303, `/admin/projects/${created.id}/coordinator?created=1`);
		})
};
