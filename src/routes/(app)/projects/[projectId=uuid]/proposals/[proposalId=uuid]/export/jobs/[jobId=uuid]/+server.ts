import type { RequestHandler } from './$types';
import { runEndpoint } from '$lib/server/http/run-endpoint';
import { UnauthorizedError } from '$lib/server/errors';
import { fileResponse } from '$lib/server/export/file-response';
import { jobFile, jobStatus } from '$lib/server/export/jobs';
import { errorMessage } from '$lib/server/http/error-message';

/** An export job's progress as JSON (a translated message when it failed), or its file with `?download=1` once done. */
export const GET: RequestHandler = ({ params, url, locals }) =>
	runEndpoint(async () => {
		if (!locals.actor) throw new UnauthorizedError();
		if (url.searchParams.get('download') === '1') {
			return fileResponse(await jobFile(locals.ctx.db, locals.actor.id, params.jobId));
		}
		const status = await jobStatus(locals.ctx.db, locals.actor.id, params.jobId);
		return status.errorCode ? { ...status, message: errorMessage(status.errorCode) } : status;
	});
