import { actionItemDoneForm, actionItemForm } from '$lib/governance/decision-form';
import { can } from '$lib/server/access/policy';
import * as actionItems from '$lib/server/governance/action-items';
import * as members from '$lib/server/projects/members';
import * as organisations from '$lib/server/organisations/organisations';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { inProject } from '$lib/server/http/url-resources';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { ctx } = locals;
	const { projectId } = params;
	return loadOrError(async () => {
		const canManage = await can(ctx.db, ctx.actor, 'action_item.manage', { projectId });
		return {
			items: await actionItems.listForProject(ctx, projectId),
			canManage,
			me: ctx.actor!.id,
			people: canManage
				? (await members.list(ctx, projectId)).map((p) => ({ id: p.personId, name: p.name }))
				: [],
			organisations: canManage
				? (await organisations.listForProject(ctx, projectId)).map((o) => ({
						id: o.id,
						name: o.name
					}))
				: []
		};
	});
};

export const actions: Actions = {
	actionItem: (event) =>
		runAction(event, inProject(event, 'action_item.manage'), actionItemForm, async (input) => {
			await actionItems.create(event.locals.ctx, event.params.projectId, input);
			return { done: 'created' as const };
		}),
	done: (event) =>
		runAction(event, inProject(event, 'action_item.manage'), actionItemDoneForm, async (input) => {
			await actionItems.setDone(event.locals.ctx, input);
			return { done: 'ticked' as const };
		})
};
