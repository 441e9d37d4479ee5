import * as calendar from '$lib/server/labs/calendar';
import { runEndpoint } from '$lib/server/http/run-endpoint';
import type { RequestHandler } from './$types';

/** The lab's sessions, to add to any calendar. */
export const GET: RequestHandler = ({ locals, params, url }) =>
	runEndpoint(async () => {
		const text = await calendar.labIcs(locals.ctx, params.projectId, params.labId, url.origin);
		return new Response(text, {
			headers: {
				'content-type': 'text/calendar; charset=utf-8',
				'content-disposition': `attachment; filename="laboratorio-${params.labId}.ics"`
			}
		});
	});
