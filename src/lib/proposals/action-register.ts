import { ACTION_AREAS } from './action-block';

/**
 * What an action block chooses from (issue 14): the project's areas and targets as the
 * partnership keeps them, and its territories (the districts of the register). Chosen, never
 * split from free text: "Alto Milanese (Legnano, Castano Primo)" stays one territory.
 */
export interface RegisterTerm {
	key: string;
	label: string;
}

export interface ActionRegister {
	areas: RegisterTerm[];
	targets: RegisterTerm[];
	territories: RegisterTerm[];
}

export const EMPTY_REGISTER: ActionRegister = { areas: [], targets: [], territories: [] };

/**
 * The areas a block offers: the project's list, or 001's four when the project has none. The
 * block's current area stays offered even if the list dropped it, so editing never loses it.
 */
export function areaChoices(
	register: ActionRegister,
	current: string | null,
	label: (key: string) => string
): RegisterTerm[] {
	const choices =
		register.areas.length > 0
			? [...register.areas]
			: ACTION_AREAS.map((key) => ({ key, label: label(key) }));
	if (current && !choices.some((c) => c.key === current)) {
		choices.push({ key: current, label: label(current) });
	}
	return choices;
}

/**
 * The names a block offers for targets or territories: the register's, then any the block
 * already holds that the list lacks (typed before lists existed, or dropped since), in its order.
 */
export function nameChoices(list: readonly RegisterTerm[], chosen: readonly string[]): string[] {
	const names = list.map((t) => t.label);
	return [...names, ...chosen.filter((name) => !names.includes(name))];
}

/** Toggles one name in a block's list, keeping the register's order for a stable export. */
export function toggleName(
	chosen: readonly string[],
	name: string,
	on: boolean,
	order: readonly string[]
): string[] {
	const next = new Set(chosen);
	if (on) next.add(name);
	else next.delete(name);
	return order.filter((n) => next.has(n));
}
