import * as Y from 'yjs';

/**
 * The lab board inside the `labboard:<sessionId>` document (ADR 0110):
 * - `clusters`: Y.Array of Y.Map { id, title } — the columns, in order;
 * - `cards`: Y.Map id → Y.Map { text, clusterId, position, author } — a card names its cluster,
 *   so moving it is one field set: two people moving the same card converge on one cluster
 *   (last writer wins) and a card can never be duplicated or lost between columns;
 * - `notes`: the XmlFragment of the session's live notes (TipTap).
 * Cards whose cluster was removed, or never set, show in "to sort".
 */
export const BOARD_NOTES_FIELD = 'notes';
export const UNSORTED = '';

export interface BoardCard {
	id: string;
	text: string;
	clusterId: string;
	position: number;
	author: string;
}

export interface BoardCluster {
	id: string;
	title: string;
	cards: BoardCard[];
}

const clustersOf = (doc: Y.Doc) => doc.getArray<Y.Map<string>>('clusters');
const cardsOf = (doc: Y.Doc) => doc.getMap<Y.Map<string | number>>('cards');

const newId = () => crypto.randomUUID();

export function addCluster(doc: Y.Doc, title: string): string {
	const id = newId();
	const cluster = new Y.Map<string>();
	cluster.set('id', id);
	cluster.set('title', title.trim().slice(0, 120));
	clustersOf(doc).push([cluster]);
	return id;
}

export function renameCluster(doc: Y.Doc, clusterId: string, title: string): void {
	clustersOf(doc)
		.toArray()
		.find((c) => c.get('id') === clusterId)
		?.set('title', title.trim().slice(0, 120));
}

/** The last position in a cluster plus one: a new or moved card goes to the bottom. */
function nextPosition(doc: Y.Doc, clusterId: string): number {
	let max = 0;
	for (const card of cardsOf(doc).values()) {
		if (card.get('clusterId') === clusterId) max = Math.max(max, Number(card.get('position')));
	}
	return max + 1;
}

export function addCard(
	doc: Y.Doc,
	input: { text: string; clusterId: string; author: string }
): string {
	const id = newId();
	doc.transact(() => {
		const card = new Y.Map<string | number>();
		card.set('text', input.text.trim().slice(0, 500));
		card.set('clusterId', input.clusterId);
		card.set('position', nextPosition(doc, input.clusterId));
		card.set('author', input.author);
		cardsOf(doc).set(id, card);
	});
	return id;
}

export function editCard(doc: Y.Doc, cardId: string, text: string): void {
	cardsOf(doc).get(cardId)?.set('text', text.trim().slice(0, 500));
}

export function removeCard(doc: Y.Doc, cardId: string): void {
	cardsOf(doc).delete(cardId);
}

export function moveCard(doc: Y.Doc, cardId: string, clusterId: string): void {
	const card = cardsOf(doc).get(cardId);
	if (!card || card.get('clusterId') === clusterId) return;
	doc.transact(() => {
		card.set('position', nextPosition(doc, clusterId));
		card.set('clusterId', clusterId);
	});
}

/** The board as plain data for rendering: "to sort" first, then the clusters in order. */
export function readBoard(doc: Y.Doc, unsortedTitle = ''): BoardCluster[] {
	const clusters: BoardCluster[] = [
		{ id: UNSORTED, title: unsortedTitle, cards: [] },
		...clustersOf(doc)
			.toArray()
			.map((c) => ({ id: String(c.get('id')), title: String(c.get('title') ?? ''), cards: [] }))
	];
	const byId = new Map(clusters.map((c) => [c.id, c]));
	for (const [id, card] of cardsOf(doc).entries()) {
		const clusterId = String(card.get('clusterId') ?? UNSORTED);
		(byId.get(clusterId) ?? byId.get(UNSORTED)!).cards.push({
			id,
			text: String(card.get('text') ?? ''),
			clusterId,
			position: Number(card.get('position') ?? 0),
			author: String(card.get('author') ?? '')
		});
	}
	for (const cluster of clusters) {
		cluster.cards.sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
	}
	return clusters;
}

/** Observes every change of the board (not the notes) and calls back with a fresh reading. */
export function watchBoard(doc: Y.Doc, onChange: () => void): () => void {
	const clusters = clustersOf(doc);
	const cards = cardsOf(doc);
	clusters.observeDeep(onChange);
	cards.observeDeep(onChange);
	return () => {
		clusters.unobserveDeep(onChange);
		cards.unobserveDeep(onChange);
	};
}
