import { m } from '$lib/paraglide/messages';
import type { ActionArea } from '$lib/proposals/action-block';

/** The four methodological areas in the person's language. */
export function areaLabel(area: ActionArea | null): string {
	if (!area) return '—';
	const labels: Record<ActionArea, () => string> = {
		educativa: m.proposal_area_educativa,
		formativa_orientativa: m.proposal_area_formativa_orientativa,
		esperienziale: m.proposal_area_esperienziale,
		comunita: m.proposal_area_comunita
	};
	return labels[area]();
}
