import * as projects from '$lib/server/projects/projects';
import * as actionItems from '$lib/server/governance/action-items';
import { listOpenWork } from '$lib/server/work/open-work';
import { requireActor } from '$lib/server/http/require-actor';
import type { PageServerLoad } from './$types';

/** The signed-in person's home: what waits for them, their projects with their role, their open action items. */
export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const [mine, items, work] = await Promise.all([
		projects.listMine(event.locals.ctx),
		actionItems.listOpenForPerson(event.locals.ctx),
		listOpenWork(event.locals.ctx)
	]);
	return {
		projects: mine,
		actionItems: items,
		work,
		isAdmin: event.locals.actor?.isAdmin ?? false
	};
};
