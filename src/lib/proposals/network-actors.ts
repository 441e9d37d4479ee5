import type { JSONContent } from '@tiptap/core';

/**
 * Network actors as a table for a proposal section ("altri soggetti della rete coinvolgibili",
 * issue 10): the picker filters them, this builds the TipTap table the canvas inserts. Pure and
 * browser-safe; the labels come in already translated so the table is written in the
 * document's language at insertion time and then is ordinary, editable text.
 */

export interface NetworkActor {
	id: string;
	name: string;
	kind: string;
	/** The partnership role, or null for an organisation outside the partnership. */
	role: string | null;
	/** Names of the territories it works in; none means all of the project's. */
	territories: string[];
}

export interface ActorFilter {
	kind?: string;
	/** A role, or `none` for organisations outside the partnership. */
	role?: string;
}

export function filterActors(actors: readonly NetworkActor[], filter: ActorFilter): NetworkActor[] {
	return actors.filter(
		(a) =>
			(!filter.kind || a.kind === filter.kind) &&
			(!filter.role || (filter.role === 'none' ? a.role === null : a.role === filter.role))
	);
}

export interface ActorTableLabels {
	name: string;
	kind: string;
	role: string;
	territory: string;
	kindOf: (kind: string) => string;
	roleOf: (role: string) => string;
	/** Shown for no role, and for no territory. */
	noRole: string;
	allTerritories: string;
}

// ProseMirror refuses empty text nodes: an empty cell is an empty paragraph.
const cell = (type: 'tableHeader' | 'tableCell', text: string): JSONContent => ({
	type,
	content: [text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' }]
});

/** A table with a header row and one row per actor, in the order given. */
export function actorsTable(
	actors: readonly NetworkActor[],
	labels: ActorTableLabels
): JSONContent {
	const header: JSONContent = {
		type: 'tableRow',
		content: [labels.name, labels.kind, labels.role, labels.territory].map((t) =>
			cell('tableHeader', t)
		)
	};
	const rows: JSONContent[] = actors.map((a) => ({
		type: 'tableRow',
		content: [
			a.name,
			labels.kindOf(a.kind),
			a.role ? labels.roleOf(a.role) : labels.noRole,
			a.territories.length > 0 ? a.territories.join(', ') : labels.allTerritories
		].map((t) => cell('tableCell', t))
	}));
	return { type: 'table', content: [header, ...rows] };
}
