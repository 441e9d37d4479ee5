import { parsePeriodKind, removeTargetForm, targetForm } from '$lib/monitoring/indicators';
import * as monitoring from '$lib/server/monitoring/dashboard';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { inProject } from '$lib/server/http/url-resources';
import type { Actions, PageServerLoad } from './$types';

/** The monitoring dashboard: figures only, never a person. `?period=year|quarter|month`. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const periodKind = parsePeriodKind(url.searchParams.get('period'));
	return {
		dashboard: await loadOrError(() =>
			monitoring.dashboard(locals.ctx, params.projectId, periodKind)
		)
	};
};

export const actions: Actions = {
	target: (event) =>
		runAction(event, inProject(event, 'monitoring.manage'), targetForm, async (input) => {
			await monitoring.setTarget(event.locals.ctx, event.params.projectId, input);
			return { saved: true };
		}),
	removeTarget: (event) =>
		runAction(event, inProject(event, 'monitoring.manage'), removeTargetForm, async (input) => {
			await monitoring.removeTarget(event.locals.ctx, event.params.projectId, input.targetId);
			return { removed: true };
		})
};
