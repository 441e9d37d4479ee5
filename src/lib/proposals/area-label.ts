// Relative imports: the export code that shares this runs outside SvelteKit's aliases too.
import { m } from '../paraglide/messages';
import type { ActionArea } from './action-block';

/** The four methodological areas in the person's language; `empty` stands for "no area". */
export function areaLabel(area: ActionArea | null, empty = '—'): string {
	if (!area) return empty;
	const labels: Record<ActionArea, () => string> = {
		educativa: m.proposal_area_educativa,
		formativa_orientativa: m.proposal_area_formativa_orientativa,
		esperienziale: m.proposal_area_esperienziale,
		comunita: m.proposal_area_comunita
	};
	return labels[area]();
}
