import type { RequestHandler } from './$types';
import { runEndpoint } from '$lib/server/http/run-endpoint';
import { UnauthorizedError } from '$lib/server/errors';
import { mentionCandidates } from '$lib/server/mentions/candidates';

/**
 * Whom the editor's "@" list offers (`?document=<kind>:<id>&q=<start of a name>`): the people
 * who may read that document, by the policy. Anyone else is never offered (ADR 0180).
 */
export const GET: RequestHandler = ({ url, locals }) =>
	runEndpoint(async () => {
		if (!locals.actor) throw new UnauthorizedError();
		const documentName = url.searchParams.get('document') ?? '';
		const query = (url.searchParams.get('q') ?? '').slice(0, 60);
		const people = await mentionCandidates(locals.ctx.db, locals.actor, documentName, query);
		return { people };
	});
