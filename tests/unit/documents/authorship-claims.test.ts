import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	AuthorshipMap,
	claimsOfUpdate,
	foldClaims,
	type Claim
} from '../../../src/lib/server/live/authorship/claims';

const ALICE = 'a11ce000-0000-4000-8000-000000000001';
const MALLORY = 'aa110000-0000-4000-8000-000000000003';

/** Records every update a doc produces locally, as its provider would send them. */
function recorder(doc: Y.Doc): Uint8Array[] {
	const sent: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array, origin: unknown) => {
		if (origin !== 'remote') sent.push(update);
	});
	return sent;
}

describe('claims of an update', () => {
	it('claims the clock range of the structs the update carries', () => {
		const doc = new Y.Doc();
		const sent = recorder(doc);
		doc.getText('t').insert(0, 'ciao');
		doc.getText('t').insert(4, ' mondo');
		expect(claimsOfUpdate(sent[1], ALICE)).toEqual([
			{ client: doc.clientID, start: 4, end: 10, authorId: ALICE }
		]);
	});

	it('does not claim the clocks a merged update skips', () => {
		const doc = new Y.Doc();
		const sent = recorder(doc);
		for (const word of ['uno', 'due', 'tre']) doc.getText('t').insert(0, word);
		// A client can send structs with a gap: Yjs encodes the gap as a Skip.
		const gapped = Y.mergeUpdates([sent[0], sent[2]]);
		expect(claimsOfUpdate(gapped, MALLORY)).toEqual([
			{ client: doc.clientID, start: 0, end: 3, authorId: MALLORY },
			{ client: doc.clientID, start: 6, end: 9, authorId: MALLORY }
		]);
	});

	it('claims nothing for bytes that are not an update', () => {
		expect(claimsOfUpdate(new Uint8Array([255, 255, 255]), ALICE)).toEqual([]);
	});
});

describe('folding claims', () => {
	const claim = (start: number, end: number, authorId: string, client = 7): Claim => ({
		client,
		start,
		end,
		authorId
	});

	it('merges a person’s consecutive updates into one segment', () => {
		expect(foldClaims([], [claim(0, 3, ALICE), claim(3, 5, ALICE), claim(5, 9, ALICE)])).toEqual([
			claim(0, 9, ALICE)
		]);
	});

	it('keeps the first sender of a clock: a later overlapping claim only fills gaps', () => {
		const folded = foldClaims([claim(0, 4, ALICE), claim(8, 10, ALICE)], [claim(2, 12, MALLORY)]);
		expect(folded).toEqual([
			claim(0, 4, ALICE),
			claim(4, 8, MALLORY),
			claim(8, 10, ALICE),
			claim(10, 12, MALLORY)
		]);
	});

	it('answers runs of authors over a clock range, with unclaimed clocks as null', () => {
		const map = new AuthorshipMap([claim(2, 5, ALICE), claim(5, 7, MALLORY)]);
		expect(map.runs(7, 0, 9)).toEqual([
			{ authorId: null, length: 2 },
			{ authorId: ALICE, length: 3 },
			{ authorId: MALLORY, length: 2 },
			{ authorId: null, length: 2 }
		]);
		expect(map.runs(8, 0, 3)).toEqual([{ authorId: null, length: 3 }]);
		expect(map.runs(7, 3, 1)).toEqual([{ authorId: ALICE, length: 1 }]);
	});
});
