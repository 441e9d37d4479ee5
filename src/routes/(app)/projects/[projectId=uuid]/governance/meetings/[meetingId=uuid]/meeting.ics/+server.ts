import * as calendar from '$lib/server/governance/calendar';
import { runEndpoint } from '$lib/server/http/run-endpoint';
import type { RequestHandler } from './$types';

/** One meeting as an invitation to add to any calendar. */
export const GET: RequestHandler = ({ locals, params, url }) =>
	runEndpoint(async () => {
		const text = await calendar.meetingIcs(locals.ctx, params.meetingId, url.origin);
		return new Response(text, {
			headers: {
				'content-type': 'text/calendar; charset=utf-8; method=REQUEST',
				'content-disposition': `attachment; filename="riunione-${params.meetingId}.ics"`
			}
		});
	});
