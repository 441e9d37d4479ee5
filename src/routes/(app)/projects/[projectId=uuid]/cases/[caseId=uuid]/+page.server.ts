import { romeToday } from '$lib/governance/rome-time';
import { caseIdentityForm, caseProfileForm } from '$lib/cases/case-form';
import { caseEventForm } from '$lib/cases/event-form';
import * as choices from '$lib/server/cases/choices';
import * as events from '$lib/server/cases/events';
import * as identity from '$lib/server/cases/identity';
import * as profile from '$lib/server/cases/profile';
import * as view from '$lib/server/cases/view';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { onCase } from '$lib/server/http/url-resources';
import type { Actions, PageServerLoad } from './$types';

/** One record: its path for every reader; identity and notes for its organisation's operators. */
export const load: PageServerLoad = async ({ locals, params }) =>
	loadOrError(async () => {
		const record = await view.get(locals.ctx, params.projectId, params.caseId);
		// The register and the comuni are offered only to those who write the record.
		const options = record.canWrite
			? await choices.forForms(locals.ctx, params.projectId)
			: { organisations: [], municipalities: [] };
		return { record, today: romeToday(), ...options };
	});

export const actions: Actions = {
	event: (event) =>
		runAction(event, onCase(event, 'case.write'), caseEventForm, async (input) => {
			const { projectId, caseId } = event.params;
			await events.add(event.locals.ctx, projectId, caseId, input);
			return { done: 'added' as const };
		}),
	profile: (event) =>
		runAction(event, onCase(event, 'case.write'), caseProfileForm, async (input) => {
			const { projectId, caseId } = event.params;
			await profile.update(event.locals.ctx, projectId, caseId, input);
			return { done: 'profiled' as const };
		}),
	identity: (event) =>
		runAction(event, onCase(event, 'case.write'), caseIdentityForm, async (input) => {
			const { projectId, caseId } = event.params;
			await identity.correct(event.locals.ctx, projectId, caseId, input);
			return { done: 'corrected' as const };
		})
};
