import { linkForm, nodeForm, removeNodeForm } from '$lib/monitoring/traceability-form';
import * as trace from '$lib/server/monitoring/traceability';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { inProject } from '$lib/server/http/url-resources';
import type { Actions, PageServerLoad } from './$types';

/** The thread need → objective → action → decision → indicator, both ways, and its gaps. */
export const load: PageServerLoad = async ({ locals, params }) => ({
	trace: await loadOrError(() => trace.traceabilityView(locals.ctx, params.projectId))
});

export const actions: Actions = {
	node: (event) =>
		runAction(event, inProject(event, 'monitoring.manage'), nodeForm, async (input) => {
			await trace.addNode(event.locals.ctx, event.params.projectId, input);
			return { added: true };
		}),
	removeNode: (event) =>
		runAction(event, inProject(event, 'monitoring.manage'), removeNodeForm, async (input) => {
			await trace.removeNode(event.locals.ctx, event.params.projectId, input.nodeId);
			return { removed: true };
		}),
	link: (event) =>
		runAction(event, inProject(event, 'monitoring.manage'), linkForm, async (input) => {
			await trace.setLink(event.locals.ctx, event.params.projectId, input);
			return { linked: true };
		})
};
