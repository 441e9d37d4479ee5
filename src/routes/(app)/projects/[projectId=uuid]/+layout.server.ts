import { can } from '$lib/server/access/policy';
import { loadOrError } from '$lib/server/http/run-endpoint';
import * as projects from '$lib/server/projects/projects';
import { PROJECT_AREAS } from '$lib/navigation';
import type { LayoutServerLoad } from './$types';

/**
 * Every project page: the project (members only; others get 404), the person's role, which
 * areas the navigation shows, and whether they may write live documents (the page makes the
 * editor read-only; the collaboration server enforces the same rule).
 */
export const load: LayoutServerLoad = async ({ locals, params }) => {
	const { ctx } = locals;
	const projectId = params.projectId;
	const view = await loadOrError(() => projects.get(ctx, projectId));
	const allowed = async (action: (typeof PROJECT_AREAS)[number]['requires']) =>
		can(ctx.db, ctx.actor, action, { projectId });
	const [areaKeys, canWrite] = await Promise.all([
		Promise.all(
			PROJECT_AREAS.map(async (area) => ((await allowed(area.requires)) ? area.key : null))
		),
		allowed('document.write')
	]);
	return {
		project: {
			id: view.project.id,
			title: view.project.title,
			acronym: view.project.acronym,
			description: view.project.description,
			startsOn: view.project.startsOn,
			endsOn: view.project.endsOn,
			leadOrganisationId: view.project.leadOrganisationId
		},
		role: view.role,
		areaKeys: areaKeys.filter((key): key is string => key !== null),
		canWrite
	};
};
