import {
	budgetForm,
	cofinancingForm,
	overrideForm,
	removeOverrideForm
} from '$lib/network/budget-form';
import * as budget from '$lib/server/network/budget';
import { requireActor } from '$lib/server/http/require-actor';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { inProject } from '$lib/server/http/url-resources';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireActor(event);
	return loadOrError(() => budget.budgetOf(event.locals.ctx, event.params.projectId));
};

export const actions: Actions = {
	budget: (event) =>
		runAction(event, inProject(event, 'partnership.manage'), budgetForm, async (input) => {
			await budget.setBudget(event.locals.ctx, event.params.projectId, input);
			return { done: 'budget_saved' as const };
		}),
	cofinancing: (event) =>
		runAction(event, inProject(event, 'partnership.manage'), cofinancingForm, async (input) => {
			await budget.setCofinancing(event.locals.ctx, event.params.projectId, input);
			return { done: 'cofinancing_saved' as const };
		}),
	override: (event) =>
		runAction(event, inProject(event, 'partnership.manage'), overrideForm, async (input) => {
			await budget.setOverride(event.locals.ctx, event.params.projectId, input);
			return { done: 'override_saved' as const };
		}),
	removeOverride: (event) =>
		runAction(event, inProject(event, 'partnership.manage'), removeOverrideForm, async (input) => {
			await budget.removeOverride(event.locals.ctx, event.params.projectId, input.districtId);
			return { done: 'override_removed' as const };
		})
};
