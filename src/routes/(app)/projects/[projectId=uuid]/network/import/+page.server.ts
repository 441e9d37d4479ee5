import { fail, isHttpError, isRedirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { decide, authorize } from '$lib/server/access/policy';
import * as imports from '$lib/server/network/import';
import { InvalidError } from '$lib/server/errors';
import { failureOf, runAction } from '$lib/server/http/run-action';
import { requireActor } from '$lib/server/http/require-actor';
import { inProject } from '$lib/server/http/url-resources';
import { loadOrError } from '$lib/server/http/run-endpoint';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireActor(event);
	return loadOrError(async () => {
		const grant = await authorize(event.locals.ctx.db, event.locals.ctx.actor, 'network.read', {
			projectId: event.params.projectId
		});
		return {
			canImport: decide(grant, 'partnership.manage', { projectId: event.params.projectId })
		};
	});
};

/** An uploaded file is not a form value: it is read here, checked and staged by the domain. */
async function previewOf(data: FormData, ctx: App.Locals['ctx'], projectId: string) {
	const kind = data.get('kind');
	const file = data.get('file');
	if (kind !== 'organisations' && kind !== 'relations') {
		throw new InvalidError('invalid', { kind: [m.network_import_kind_missing()] });
	}
	if (!(file instanceof File) || file.size === 0) {
		throw new InvalidError('invalid', { file: [m.network_import_file_missing()] });
	}
	return imports.preview(ctx, projectId, kind, await file.text());
}

export const actions: Actions = {
	preview: async (event) => {
		try {
			await inProject(event, 'partnership.manage')(event.locals.ctx);
			const data = await event.request.formData();
			return { preview: await previewOf(data, event.locals.ctx, event.params.projectId) };
		} catch (error) {
			if (isRedirect(error) || isHttpError(error)) throw error;
			return fail(...failureOf(error, {}));
		}
	},
	confirm: (event) =>
		runAction(
			event,
			inProject(event, 'partnership.manage'),
			z.object({ importId: z.uuid() }),
			async ({ importId }) => {
				const done = await imports.confirm(event.locals.ctx, event.params.projectId, importId);
				return { written: done };
			}
		)
};
