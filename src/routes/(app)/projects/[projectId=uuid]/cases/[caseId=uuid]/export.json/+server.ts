import { personalData } from '$lib/server/cases/personal-data';
import { runEndpoint } from '$lib/server/http/run-endpoint';
import type { RequestHandler } from './$types';

/** GDPR art. 15/20: the person's data, machine-readable; never cached. */
export const GET: RequestHandler = ({ locals, params }) =>
	runEndpoint(async () => {
		const data = await personalData(locals.ctx, params.projectId, params.caseId, 'json');
		return new Response(JSON.stringify(data, null, 2), {
			headers: {
				'content-type': 'application/json; charset=utf-8',
				'content-disposition': `attachment; filename="dati-personali-${data.record.pseudonym}.json"`,
				'cache-control': 'no-store'
			}
		});
	});
