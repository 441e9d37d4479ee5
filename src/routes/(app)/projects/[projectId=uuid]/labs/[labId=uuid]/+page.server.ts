import { sessionForm } from '$lib/labs/lab-form';
import * as labs from '$lib/server/labs/labs';
import * as sessions from '$lib/server/labs/sessions';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { onLab } from '$lib/server/http/url-resources';
import type { Actions, PageServerLoad } from './$types';

/** One lab: theme, facilitator, territories, participants and its calendar of sessions. */
export const load: PageServerLoad = async ({ locals, params }) =>
	loadOrError(async () => ({
		view: await labs.get(locals.ctx, params.projectId, params.labId)
	}));

export const actions: Actions = {
	session: (event) =>
		runAction(event, onLab(event, 'lab.run'), sessionForm, async (input) => {
			const { projectId, labId } = event.params;
			await sessions.add(event.locals.ctx, projectId, labId, input);
			return { done: 'scheduled' as const };
		})
};
