import * as practices from '$lib/server/labs/practices';
import { loadOrError } from '$lib/server/http/run-endpoint';
import type { PageServerLoad } from './$types';

/**
 * One good practice. The cases it was learnt from appear by pseudonym to those who may read the
 * session's cases, as a count to other members; no cache keeps the page.
 */
export const load: PageServerLoad = async ({ locals, params, setHeaders }) =>
	loadOrError(async () => {
		setHeaders({ 'cache-control': 'no-store' });
		return { view: await practices.get(locals.ctx, params.projectId, params.practiceId) };
	});
