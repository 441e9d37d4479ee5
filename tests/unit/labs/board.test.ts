import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
	addCard,
	addCluster,
	moveCard,
	readBoard,
	removeCard,
	UNSORTED
} from '../../../src/lib/labs/board';

function sync(a: Y.Doc, b: Y.Doc) {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
}

describe('lab board', () => {
	it('puts new cards at the bottom of their cluster and moves them by one field', () => {
		const doc = new Y.Doc();
		const works = addCluster(doc, 'Cosa ha funzionato');
		const first = addCard(doc, { text: 'Tutor aziendale', clusterId: UNSORTED, author: 'Anna' });
		const second = addCard(doc, { text: 'Orari flessibili', clusterId: works, author: 'Anna' });
		moveCard(doc, first, works);
		const board = readBoard(doc, 'Da ordinare');
		expect(board.map((c) => [c.title, c.cards.map((card) => card.text)])).toEqual([
			['Da ordinare', []],
			['Cosa ha funzionato', ['Orari flessibili', 'Tutor aziendale']]
		]);
		removeCard(doc, second);
		expect(readBoard(doc)[1].cards.map((c) => c.id)).toEqual([first]);
	});

	it('converges when two people move the same card at once: one cluster, never two copies', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		const left = addCluster(a, 'Ostacoli');
		const right = addCluster(a, 'Risorse');
		const card = addCard(a, { text: 'Trasporti', clusterId: UNSORTED, author: 'Anna' });
		sync(a, b);
		moveCard(a, card, left);
		moveCard(b, card, right);
		sync(a, b);
		const seenA = readBoard(a).flatMap((c) => c.cards.map((x) => [c.id, x.id]));
		const seenB = readBoard(b).flatMap((c) => c.cards.map((x) => [c.id, x.id]));
		expect(seenA).toEqual(seenB);
		expect(seenA).toHaveLength(1);
	});

	it('shows cards of an unknown cluster under "to sort" instead of losing them', () => {
		const doc = new Y.Doc();
		addCard(doc, { text: 'Orfana', clusterId: crypto.randomUUID(), author: 'Anna' });
		expect(readBoard(doc)[0].cards.map((c) => c.text)).toEqual(['Orfana']);
	});
});
