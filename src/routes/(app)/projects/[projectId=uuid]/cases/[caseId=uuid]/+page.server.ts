import { caseEventForm, caseIdentityForm, todayInRome } from '$lib/cases/case-form';
import * as events from '$lib/server/cases/events';
import * as identity from '$lib/server/cases/identity';
import * as view from '$lib/server/cases/view';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import type { Actions, PageServerLoad } from './$types';

/** One record: its path for every reader; identity and notes for its organisation's operators. */
export const load: PageServerLoad = async ({ locals, params }) =>
	loadOrError(async () => {
		const record = await view.get(locals.ctx, params.projectId, params.caseId);
		return { record, today: todayInRome() };
	});

export const actions: Actions = {
	event: (event) =>
		runAction(event, caseEventForm, async (input) => {
			const { projectId, caseId } = event.params;
			await events.add(event.locals.ctx, projectId, caseId, input);
			return { done: 'added' as const };
		}),
	identity: (event) =>
		runAction(event, caseIdentityForm, async (input) => {
			const { projectId, caseId } = event.params;
			await identity.correct(event.locals.ctx, projectId, caseId, input);
			return { done: 'corrected' as const };
		})
};
