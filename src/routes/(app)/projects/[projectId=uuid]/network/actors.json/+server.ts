import { runEndpoint } from '$lib/server/http/run-endpoint';
import { actorsOf } from '$lib/server/network/actors';
import type { RequestHandler } from './$types';

/** The network's organisations for the canvas's "insert network actors" dialog. */
export const GET: RequestHandler = ({ locals, params }) =>
	runEndpoint(async () => ({ actors: await actorsOf(locals.ctx, params.projectId) }), {
		headers: { 'cache-control': 'no-store' }
	});
