import { loadOrError } from '$lib/server/http/run-endpoint';
import * as organisations from '$lib/server/organisations/organisations';
import { monitoringSummary } from '$lib/server/monitoring/home';
import type { PageServerLoad } from './$types';

/** The project home: the layout has the project; this adds the lead organisation's name. */
export const load: PageServerLoad = async ({ locals, params, parent }) => {
	const { project } = await parent();
	const list = await loadOrError(() => organisations.listForProject(locals.ctx, params.projectId));
	const lead =
		list.find((entry) => entry.id === project.leadOrganisationId) ??
		list.find((entry) => entry.partnership?.role === 'lead');
	return {
		leadOrganisation: lead ? { name: lead.name, shortName: lead.shortName } : null,
		monitoring: await monitoringSummary(locals.ctx, params.projectId)
	};
};
