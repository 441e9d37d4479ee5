import * as setup from '$lib/server/admin/setup';
import { loadOrError } from '$lib/server/http/run-endpoint';
import type { PageServerLoad } from './$types';

/** The administrators' start: every project with its coordinators, and what can be set up. */
export const load: PageServerLoad = async ({ locals }) =>
	loadOrError(async () => ({ projects: await setup.listProjects(locals.ctx) }));
