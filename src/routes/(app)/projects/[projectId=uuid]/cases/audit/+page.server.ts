import { auditFilter } from '$lib/cases/audit-filter';
import * as auditLog from '$lib/server/cases/audit-log';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { validate } from '$lib/server/http/validate';
import type { PageServerLoad } from './$types';

/** The case audit log: filters in the query string, so a filtered view can be bookmarked. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { ctx } = locals;
	const { projectId } = params;
	return loadOrError(async () => {
		const filter = validate(auditFilter, Object.fromEntries(url.searchParams));
		const page = Math.max(0, Math.floor(Number(url.searchParams.get('page') ?? 0)) || 0);
		// The actors first: it checks the right before the log is read (and its reading logged).
		const actors = await auditLog.actors(ctx, projectId);
		const result = await auditLog.list(ctx, projectId, filter, {
			limit: auditLog.PAGE_SIZE,
			offset: page * auditLog.PAGE_SIZE
		});
		return { filter, page, pageSize: auditLog.PAGE_SIZE, actors, ...result };
	});
};
