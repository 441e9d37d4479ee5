import * as projects from '$lib/server/projects/projects';
import * as actionItems from '$lib/server/governance/action-items';
import { requireActor } from '$lib/server/http/require-actor';
import type { PageServerLoad } from './$types';

/** The signed-in person's home: their projects with their role, and their open action items. */
export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const [mine, items] = await Promise.all([
		projects.listMine(event.locals.ctx),
		actionItems.listOpenForPerson(event.locals.ctx)
	]);
	return { projects: mine, actionItems: items };
};
