import type { RequestHandler } from './$types';
import { runEndpoint } from '$lib/server/http/run-endpoint';
import { UnauthorizedError } from '$lib/server/errors';
import { parseFormat } from '$lib/server/export/formats';
import { fileResponse } from '$lib/server/export/file-response';
import { startJob } from '$lib/server/export/jobs';
import { exportProposal } from '$lib/server/proposals/export-file';
import { getInProject } from '$lib/server/proposals/proposals';

/**
 * GET: the file at once (a plain link works without JavaScript).
 * POST: starts a job and answers 202 with its status address, for progress on long exports.
 * `?comments=1` adds the comment threads after each section.
 */
export const GET: RequestHandler = ({ params, url, locals }) =>
	runEndpoint(async () => {
		const format = parseFormat(params.format);
		await getInProject(locals.ctx, params);
		const withComments = url.searchParams.get('comments') === '1';
		const file = await exportProposal(locals.ctx, {
			proposalId: params.proposalId,
			format,
			withComments
		});
		return fileResponse(file);
	});

export const POST: RequestHandler = ({ params, url, locals }) =>
	runEndpoint(
		async () => {
			const format = parseFormat(params.format);
			await getInProject(locals.ctx, params);
			if (!locals.actor) throw new UnauthorizedError();
			const withComments = url.searchParams.get('comments') === '1';
			const ctx = locals.ctx;
			const job = await startJob(ctx.db, locals.actor.id, (reporter) =>
				exportProposal(ctx, { proposalId: params.proposalId, format, withComments }, reporter)
			);
			const base = url.pathname.replace(/\/[^/]+$/, '');
			return {
				...job,
				statusUrl: `${base}/jobs/${job.id}`,
				downloadUrl: `${base}/jobs/${job.id}?download=1`
			};
		},
		{ status: 202 }
	);
