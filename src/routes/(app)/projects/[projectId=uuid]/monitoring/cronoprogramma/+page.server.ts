import { markForm } from '$lib/monitoring/cronoprogramma-form';
import * as crono from '$lib/server/monitoring/cronoprogramma';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { inProject } from '$lib/server/http/url-resources';
import type { Actions, PageServerLoad } from './$types';

/** The cronoprogramma as lived: planned months beside what was done. `?proposal=<id>`. */
export const load: PageServerLoad = async ({ locals, params, url }) => ({
	crono: await loadOrError(() =>
		crono.cronoprogrammaView(locals.ctx, params.projectId, url.searchParams.get('proposal'))
	)
});

export const actions: Actions = {
	mark: (event) =>
		runAction(event, inProject(event, 'monitoring.manage'), markForm, async (input) => {
			await crono.setMark(event.locals.ctx, event.params.projectId, input);
			return { marked: true };
		})
};
