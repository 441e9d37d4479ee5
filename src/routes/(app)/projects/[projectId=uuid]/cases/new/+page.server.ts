import { romeToday } from '$lib/governance/rome-time';
import { redirect } from '@sveltejs/kit';
import { caseCreateForm } from '$lib/cases/case-form';
import * as choices from '$lib/server/cases/choices';
import * as records from '$lib/server/cases/records';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { inProject } from '$lib/server/http/url-resources';
import type { Actions, PageServerLoad } from './$types';

/** Opening a record: only a case operator, for their own organisation. */
export const load: PageServerLoad = async ({ locals, params }) =>
	loadOrError(async () => {
		await records.authorizeCreate(locals.ctx, params.projectId);
		const { municipalities } = await choices.forForms(locals.ctx, params.projectId);
		return { today: romeToday(), municipalities };
	});

export const actions: Actions = {
	default: (event) =>
		runAction(event, inProject(event, 'case.write'), caseCreateForm, async (input) => {
			const { projectId } = event.params;
			const created = await records.create(event.locals.ctx, projectId, input);
			redirect(303, `/projects/${projectId}/cases/${created.id}`);
		})
};
