import { projectActivity } from '$lib/server/activity/feed';
import { loadOrError } from '$lib/server/http/run-endpoint';
import type { PageServerLoad } from './$types';

/** Pages beyond this are never asked for by the links; a typed-in one is clamped. */
const LAST_PAGE = 10_000;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const asked = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
	const page = Number.isFinite(asked) ? Math.min(Math.max(asked, 1), LAST_PAGE) : 1;
	return loadOrError(async () => ({
		activity: await projectActivity(locals.ctx, params.projectId, page)
	}));
};
