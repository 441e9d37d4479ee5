import * as network from '$lib/server/network/network';
import { requireActor } from '$lib/server/http/require-actor';
import { loadOrError } from '$lib/server/http/run-endpoint';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireActor(event);
	return loadOrError(() => network.networkOf(event.locals.ctx, event.params.projectId));
};
