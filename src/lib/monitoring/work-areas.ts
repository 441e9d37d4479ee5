import type { ActionArea } from '../proposals/action-block';

/**
 * Which of a project's areas a kind of work belongs to (ADR 0197). Areas are configured per
 * project (the partnership's list: "Area sviluppo di comunità", "Monitoraggio e valutazione",
 * keys made from those labels), so the automatic evidence of the cronoprogramma names a kind of
 * work, one of the built-in areas, and finds the project's area by the words of its key.
 */
const WORDS: Record<ActionArea, readonly string[]> = {
	educativa: ['educativa', 'educativo', 'educational', 'education'],
	formativa_orientativa: ['formativa', 'orientativa', 'formazione', 'orientamento', 'training'],
	esperienziale: ['esperienziale', 'experiential', 'tirocini', 'tirocinio'],
	comunita: ['comunita', 'community'],
	governance: ['governance', 'coordinamento', 'regia'],
	monitoraggio: ['monitoraggio', 'monitoring', 'valutazione', 'evaluation'],
	rendicontazione: ['rendicontazione', 'reporting']
};

/** Where a kind of work goes when the proposal has no area of that kind: the body's meetings
 * counted as community work before governance was an area of its own. */
const FALLBACK: Partial<Record<ActionArea, ActionArea>> = { governance: 'comunita' };

/** The kind of work an area key names: the built-in key itself, or a word of the key. */
export function workOfArea(key: string): ActionArea | null {
	const words = key.split('_');
	for (const [work, names] of Object.entries(WORDS) as [ActionArea, readonly string[]][]) {
		if (key === work || words.some((word) => names.includes(word))) return work;
	}
	return null;
}

/**
 * The area keys among `keys` (the areas the proposal's actions use) that evidence of `work`
 * feeds: every key of that kind, else those of its fallback kind, else none.
 */
export function areasForWork(work: ActionArea, keys: Iterable<string>): string[] {
	const all = [...new Set(keys)];
	const of = (kind: ActionArea) => all.filter((key) => workOfArea(key) === kind);
	const found = of(work);
	const fallback = FALLBACK[work];
	return found.length > 0 || !fallback ? found : of(fallback);
}
