import type { RequestHandler } from './$types';
import { runEndpoint } from '$lib/server/http/run-endpoint';
import { InvalidError } from '$lib/server/errors';
import { authorship } from '$lib/server/proposals/authorship';
import { getInProject } from '$lib/server/proposals/proposals';
import { match as isUuid } from '../../../../../../../params/uuid';

/** Who wrote what in one section's current text (`?section=<id>`), for the canvas (ADR 0056). */
export const GET: RequestHandler = ({ params, url, locals }) =>
	runEndpoint(async () => {
		const sectionId = url.searchParams.get('section') ?? '';
		if (!isUuid(sectionId)) throw new InvalidError('invalid', { section: ['uuid'] });
		await getInProject(locals.ctx, params);
		return authorship(locals.ctx, { proposalId: params.proposalId, ref: 'current', sectionId });
	});
