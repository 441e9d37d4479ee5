import { registerFilter } from '$lib/governance/decision-form';
import * as bodies from '$lib/server/governance/bodies';
import * as register from '$lib/server/governance/decision-register';
import * as members from '$lib/server/projects/members';
import * as organisations from '$lib/server/organisations/organisations';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { validate } from '$lib/server/http/validate';
import type { PageServerLoad } from './$types';

/** The decision register: filters in the query string, so a filtered view can be bookmarked. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { ctx } = locals;
	const { projectId } = params;
	return loadOrError(async () => {
		const filter = validate(registerFilter, Object.fromEntries(url.searchParams));
		const page = Math.max(0, Number(url.searchParams.get('page') ?? 0) || 0);
		const [result, timeline, bodyList, people, orgs] = await Promise.all([
			register.list(ctx, projectId, filter, {
				limit: register.PAGE_SIZE,
				offset: page * register.PAGE_SIZE
			}),
			register.timeline(ctx, projectId, filter, 50),
			bodies.list(ctx, projectId),
			members.list(ctx, projectId),
			organisations.listForProject(ctx, projectId)
		]);
		return {
			filter,
			page,
			pageSize: register.PAGE_SIZE,
			...result,
			timeline,
			bodies: bodyList.map((b) => ({ id: b.id, name: b.name })),
			owners: [
				...people.map((p) => ({ id: p.personId, name: p.name })),
				...orgs.map((o) => ({ id: o.id, name: o.name }))
			]
		};
	});
};
