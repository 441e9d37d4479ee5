import { esfProfileForm } from '$lib/monitoring/esf';
import * as esf from '$lib/server/monitoring/esf';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { onCase } from '$lib/server/http/url-resources';
import type { Actions, PageServerLoad } from './$types';

/**
 * The ESF+ participant data of one person: the organisation's operators only. `no-store` is set
 * by the cases layout (setting it twice is an error in SvelteKit).
 */
export const load: PageServerLoad = async ({ locals, params }) => {
	const found = await loadOrError(() =>
		esf.getProfile(locals.ctx, params.projectId, params.caseId)
	);
	return { ...found, caseId: params.caseId };
};

export const actions: Actions = {
	default: (event) =>
		runAction(event, onCase(event, 'case.write'), esfProfileForm, async (input) => {
			await esf.saveProfile(event.locals.ctx, event.params.projectId, event.params.caseId, input);
			return { saved: true };
		})
};
