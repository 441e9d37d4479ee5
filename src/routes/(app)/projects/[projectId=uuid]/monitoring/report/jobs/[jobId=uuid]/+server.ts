import type { RequestHandler } from './$types';
import { authorize } from '$lib/server/access/policy';
import { UnauthorizedError } from '$lib/server/errors';
import { fileResponse } from '$lib/server/export/file-response';
import { jobFile, jobStatus } from '$lib/server/export/jobs';
import { errorMessage } from '$lib/server/http/error-message';
import { runEndpoint } from '$lib/server/http/run-endpoint';

/**
 * A monitoring report job's progress as JSON (a translated message when it failed), or its file
 * with `?download=1` once done. Only who started it sees it, and only while they may still read
 * the project's monitoring.
 */
export const GET: RequestHandler = ({ params, url, locals }) =>
	runEndpoint(async () => {
		if (!locals.actor) throw new UnauthorizedError();
		await authorize(locals.ctx.db, locals.ctx.actor, 'monitoring.read', {
			projectId: params.projectId
		});
		if (url.searchParams.get('download') === '1') {
			return fileResponse(await jobFile(locals.ctx.db, locals.actor.id, params.jobId));
		}
		const status = await jobStatus(locals.ctx.db, locals.actor.id, params.jobId);
		return status.errorCode ? { ...status, message: errorMessage(status.errorCode) } : status;
	});
