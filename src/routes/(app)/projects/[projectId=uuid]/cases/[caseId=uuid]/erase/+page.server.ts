import { redirect } from '@sveltejs/kit';
import { erasureForm } from '$lib/cases/erasure-form';
import * as erasure from '$lib/server/cases/erasure';
import * as view from '$lib/server/cases/view';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { onCase } from '$lib/server/http/url-resources';
import { ForbiddenError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

/** The erasure's own page: a destructive act is confirmed apart from the everyday forms. */
export const load: PageServerLoad = async ({ locals, params }) =>
	loadOrError(async () => {
		const record = await view.get(locals.ctx, params.projectId, params.caseId);
		if (!record.canErase) throw new ForbiddenError();
		return { caseId: record.id, pseudonym: record.pseudonym, erasedAt: record.erasedAt };
	});

export const actions: Actions = {
	default: (event) =>
		runAction(event, onCase(event, 'case.erase'), erasureForm, async (input) => {
			const { projectId, caseId } = event.params;
			await erasure.erase(event.locals.ctx, projectId, caseId, input);
			redirect(303, `/projects/${projectId}/cases/${caseId}`);
		})
};
