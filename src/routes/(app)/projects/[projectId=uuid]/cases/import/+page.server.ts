import { fail, isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import * as imports from '$lib/server/cases/import';
import * as records from '$lib/server/cases/records';
import { InvalidError } from '$lib/server/errors';
import { failureOf } from '$lib/server/http/run-action';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { inProject } from '$lib/server/http/url-resources';
import type { Actions, PageServerLoad } from './$types';

/** Importing records: only who may open them (a case operator, for their own organisation). */
export const load: PageServerLoad = async ({ locals, params }) =>
	loadOrError(async () => {
		await records.authorizeCreate(locals.ctx, params.projectId);
		return {};
	});

/**
 * An uploaded file is not a form value: the door is asked first, then the file is read here and
 * handed to the domain, which checks it (and writes it, all or nothing) — never stored as such.
 */
async function withFile<T>(
	event: RequestEvent<{ projectId: string }>,
	call: (content: string) => Promise<T>
) {
	try {
		await inProject(event, 'case.write')(event.locals.ctx);
		const file = (await event.request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) {
			throw new InvalidError('invalid', { file: [m.cases_import_file_missing()] });
		}
		return await call(await file.text());
	} catch (error) {
		if (isRedirect(error) || isHttpError(error)) throw error;
		return fail(...failureOf(error, {}));
	}
}

export const actions: Actions = {
	preview: (event) =>
		withFile(event, async (content) => ({
			preview: await imports.preview(event.locals.ctx, event.params.projectId, content)
		})),
	import: (event) =>
		withFile(event, async (content) => {
			const done = await imports.importCases(event.locals.ctx, event.params.projectId, content);
			return 'preview' in done ? fail(400, done) : done;
		})
};
