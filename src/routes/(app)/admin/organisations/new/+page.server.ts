import { redirect } from '@sveltejs/kit';
import { organisationCreateForm } from '$lib/admin/forms';
import * as setup from '$lib/server/admin/setup';
import { runAction } from '$lib/server/http/run-action';
import { asAdmin } from '$lib/server/http/url-resources';
import { authorizePlatform } from '$lib/server/access/policy';
import { loadOrError } from '$lib/server/http/run-endpoint';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) =>
	loadOrError(async () => {
		authorizePlatform(locals.actor, 'admin.organisation_create');
		return {};
	});

export const actions: Actions = {
	default: (event) =>
		runAction(
			event,
			asAdmin('admin.organisation_create'),
			organisationCreateForm,
			async (input) => {
				await setup.createOrganisation(event.locals.ctx, input);
				redirect(303, `/admin?organisation=created`);
			}
		)
};
