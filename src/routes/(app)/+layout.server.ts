import { requireActor } from '$lib/server/http/require-actor';
import type { LayoutServerLoad } from './$types';

/** Every page in (app) needs a signed-in person; anonymous visitors go to /login and come back. */
export const load: LayoutServerLoad = (event) => {
	requireActor(event);
	return {};
};
