import { practiceFilter } from '$lib/labs/practice-form';
import * as practices from '$lib/server/labs/practices';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { validate } from '$lib/server/http/validate';
import type { PageServerLoad } from './$types';

/** The library of good practices: filters in the query string, so a view can be shared. */
export const load: PageServerLoad = async ({ locals, params, url }) =>
	loadOrError(async () => {
		const filter = validate(practiceFilter, Object.fromEntries(url.searchParams));
		const [rows, choices] = await Promise.all([
			practices.list(locals.ctx, params.projectId, filter),
			practices.filterChoices(locals.ctx, params.projectId)
		]);
		return { filter, practices: rows, ...choices };
	});
