import * as calendar from '$lib/server/governance/calendar';
import { runEndpoint } from '$lib/server/http/run-endpoint';
import type { RequestHandler } from './$types';

/**
 * The body's meetings as a calendar feed. Calendar apps send no cookie, so the personal token
 * in the query string stands for the person; the policy is still asked on every fetch.
 */
export const GET: RequestHandler = ({ locals, params, url }) =>
	runEndpoint(async () => {
		const token = url.searchParams.get('token');
		const actor = token ? await calendar.actorFromFeedToken(locals.ctx.db, token) : locals.actor;
		const text = await calendar.bodyFeed({ ...locals.ctx, actor }, params.bodyId, url.origin);
		return new Response(text, {
			headers: {
				'content-type': 'text/calendar; charset=utf-8',
				'cache-control': 'private, max-age=300'
			}
		});
	});
