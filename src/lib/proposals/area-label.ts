// Relative imports: the export code that shares this runs outside SvelteKit's aliases too.
import { m } from '../paraglide/messages';
import { ACTION_AREAS, type ActionArea } from './action-block';
import type { RegisterTerm } from './action-register';

const BUILT_IN: Record<ActionArea, () => string> = {
	educativa: m.proposal_area_educativa,
	formativa_orientativa: m.proposal_area_formativa_orientativa,
	esperienziale: m.proposal_area_esperienziale,
	comunita: m.proposal_area_comunita,
	governance: m.proposal_area_governance,
	monitoraggio: m.proposal_area_monitoraggio,
	rendicontazione: m.proposal_area_rendicontazione
};

const isBuiltIn = (key: string): key is ActionArea =>
	(ACTION_AREAS as readonly string[]).includes(key);

/**
 * An area's name: the project's own label when its list has the key (areas are configured per
 * project), else the 001 area's name in the person's language, else the key itself, so a block
 * whose area was since dropped from the list still says which it was. `empty` is "no area".
 */
export function areaLabel(
	area: string | null,
	empty = '—',
	areas: readonly RegisterTerm[] = []
): string {
	if (!area) return empty;
	const own = areas.find((a) => a.key === area);
	if (own) return own.label;
	return isBuiltIn(area) ? BUILT_IN[area]() : area;
}
