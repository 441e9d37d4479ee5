import { authorize } from '$lib/server/access/policy';
import { loadOrError } from '$lib/server/http/run-endpoint';
import type { PageServerLoad } from './$types';

/** The report's download page: whoever may read the dashboard may take its report. */
export const load: PageServerLoad = async ({ locals, params }) => {
	await loadOrError(() =>
		authorize(locals.ctx.db, locals.ctx.actor, 'monitoring.read', { projectId: params.projectId })
	);
	return {};
};
