import { can } from '$lib/server/access/policy';
import * as templates from '$lib/server/proposals/templates';
import { templateImportForm } from '$lib/proposals/forms';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { inProject } from '$lib/server/http/url-resources';
import type { Actions, PageServerLoad } from './$types';

/** Proposal templates: the shared ones and those imported into this project; import a new one. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { ctx } = locals;
	const { projectId } = params;
	return loadOrError(async () => {
		const list = await templates.list(ctx, projectId);
		return {
			templates: await Promise.all(
				list.map((entry) => templates.get(ctx, { projectId, templateId: entry.id }))
			),
			canImport: await can(ctx.db, ctx.actor, 'template.manage', { projectId })
		};
	});
};

export const actions: Actions = {
	import: (event) =>
		runAction(event, inProject(event, 'template.manage'), templateImportForm, async (input) => {
			const created = await templates.importDefinition(event.locals.ctx, {
				projectId: event.params.projectId,
				text: input.definition
			});
			return {
				imported: { id: created.id, name: created.name, sections: created.sections.length }
			};
		})
};
