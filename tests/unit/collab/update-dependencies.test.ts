import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { reachWhenIntegrated, type Reach } from '../../../server/collab/update-dependencies';
import { craftedUpdate, danglingUpdate, id } from '../../support/crafted-updates';

/** The check as the room runs it: `room`'s document plus the reaches of its appends in flight. */
function check(room: Y.Doc, update: Uint8Array, inFlight: Reach[] = []): Reach | null {
	return reachWhenIntegrated(update, Y.decodeUpdate(update), (client) =>
		Math.max(Y.getState(room.store, client), ...inFlight.map((reach) => reach.get(client) ?? 0))
	);
}

/** Whether Yjs leaves anything of `update` waiting when `room` integrates it (on a copy). */
function leavesPending(room: Y.Doc, update: Uint8Array): boolean {
	const copy = new Y.Doc();
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(room));
	Y.applyUpdate(copy, update);
	return copy.store.pendingStructs !== null || copy.store.pendingDs !== null;
}

/** A writer whose every change is recorded as the update its provider would send. */
function writer(clientID: number) {
	const doc = new Y.Doc();
	doc.clientID = clientID;
	const sent: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array, origin: unknown) => {
		if (origin !== 'remote') sent.push(update);
	});
	const receive = (update: Uint8Array) => Y.applyUpdate(doc, update, 'remote');
	return { doc, text: doc.getText('body'), sent, receive };
}

const roomWith = (...updates: Uint8Array[]) => {
	const room = new Y.Doc();
	for (const update of updates) Y.applyUpdate(room, update);
	return room;
};

describe('reachWhenIntegrated', () => {
	it('accepts typing on what the room holds and says what the room will hold', () => {
		const a = writer(10);
		a.text.insert(0, 'Buongiorno');
		const room = roomWith(...a.sent);
		a.text.insert(4, 'x');
		expect(check(room, a.sent[1])).toEqual(new Map([[10, 11]]));
	});

	it('accepts an update on the sender’s previous one while that is in flight, not without it', () => {
		const a = writer(10);
		a.text.insert(0, 'ciao');
		a.text.insert(4, ' a tutti');
		const room = new Y.Doc();
		const first = check(room, a.sent[0])!;
		expect(first).toEqual(new Map([[10, 4]]));
		expect(check(room, a.sent[1], [first])).toEqual(new Map([[10, 12]]));
		expect(check(room, a.sent[1])).toBeNull();
	});

	it('accepts a sync step 2 carrying content of several clients that build on each other', () => {
		const earlier = writer(10);
		const later = writer(20);
		earlier.text.insert(0, 'sul server');
		const room = roomWith(...earlier.sent);
		later.receive(Y.encodeStateAsUpdate(earlier.doc));
		earlier.text.insert(0, 'offline, ');
		later.receive(Y.encodeStateAsUpdate(earlier.doc));
		later.text.insert(3, '[nota]');
		later.text.delete(0, 2);
		const step2 = Y.encodeStateAsUpdate(later.doc, Y.encodeStateVector(room));
		expect(check(room, step2)).toEqual(
			new Map([
				[10, 19],
				[20, 6]
			])
		);
		expect(leavesPending(room, step2)).toBe(false);
	});

	it('refuses insertions after an item nobody has', () => {
		const room = new Y.Doc();
		expect(check(room, danglingUpdate(3))).toBeNull();
		expect(leavesPending(room, danglingUpdate(3))).toBe(true);
	});

	it('refuses a client’s structs that start beyond what the room holds of it', () => {
		const gap = craftedUpdate([{ client: 5, clock: 3, items: [{}] }]);
		expect(check(new Y.Doc(), gap)).toBeNull();
		expect(check(new Y.Doc(), gap, [new Map([[5, 3]])])).toEqual(new Map([[5, 4]]));
	});

	it('accepts references into the update itself, and refuses those that wait on each other', () => {
		const room = new Y.Doc();
		const chained = craftedUpdate([
			{ client: 5, items: [{ origin: id(6, 0) }] },
			{ client: 6, items: [{}] }
		]);
		expect(check(room, chained)).toEqual(
			new Map([
				[5, 1],
				[6, 1]
			])
		);
		expect(leavesPending(room, chained)).toBe(false);
		const cycles = [
			craftedUpdate([
				{ client: 5, items: [{ origin: id(6, 0) }] },
				{ client: 6, items: [{ origin: id(5, 0) }] }
			]),
			// 5:0 after 6:0, 6:0 after 5:1, and 5:1 comes after 5:0.
			craftedUpdate([
				{ client: 5, items: [{ origin: id(6, 0) }, {}] },
				{ client: 6, items: [{ rightOrigin: id(5, 1) }] }
			])
		];
		for (const cycle of cycles) {
			expect(check(room, cycle)).toBeNull();
			expect(leavesPending(room, cycle)).toBe(true);
		}
	});

	it('refuses an item referring to a later item of its own client', () => {
		const forward = craftedUpdate([{ client: 5, items: [{ origin: id(5, 1) }, {}] }]);
		expect(check(new Y.Doc(), forward)).toBeNull();
	});

	it('refuses a client sent in two runs, of which Yjs keeps only the last', () => {
		const room = new Y.Doc();
		const twice = [
			craftedUpdate([
				{ client: 5, items: [{}] },
				{ client: 5, clock: 1, items: [{ origin: id(5, 0) }] }
			]),
			craftedUpdate([
				{ client: 5, items: [{}] },
				{ client: 6, items: [{}] },
				{ client: 5, clock: 1, items: [{}] }
			]),
			craftedUpdate([
				{ client: 5, items: [{}] },
				{ client: 5, clock: 1, items: [] }
			])
		];
		for (const update of twice) expect(check(room, update)).toBeNull();
		expect(leavesPending(room, twice[0])).toBe(true);
	});

	it('refuses a skipped range the room does not hold, accepts one it holds', () => {
		const a = writer(10);
		for (const word of ['uno ', 'due ', 'tre ']) a.text.insert(a.text.length, word);
		const merged = Y.mergeUpdates([a.sent[0], a.sent[2]]);
		expect(check(new Y.Doc(), merged)).toBeNull();
		expect(check(roomWith(a.sent[0], a.sent[1]), merged)).toEqual(new Map([[10, 12]]));
	});

	it('refuses deletions of content nobody has, accepts those of content held or sent along', () => {
		const a = writer(10);
		a.text.insert(0, 'ciao');
		const room = roomWith(...a.sent);
		a.text.delete(0, 2);
		expect(check(room, a.sent[1])).toEqual(new Map());
		const sentAlong = craftedUpdate(
			[{ client: 5, items: [{ text: 'abc' }] }],
			[{ client: 5, clock: 1, len: 2 }]
		);
		expect(check(room, sentAlong)).toEqual(new Map([[5, 3]]));
		const nobodys = craftedUpdate([], [{ client: 10, clock: 4, len: 1 }]);
		expect(check(room, nobodys)).toBeNull();
		expect(leavesPending(room, nobodys)).toBe(true);
		// An empty one there is kept pending too, and Yjs then fails to write it down.
		const empty = craftedUpdate([], [{ client: 10, clock: 4, len: 0 }]);
		expect(check(room, empty)).toBeNull();
		expect(() => leavesPending(room, empty)).toThrow();
	});

	// 300 edits delivered in random order, pass after pass: a few seconds of work on a busy machine.
	it(
		'agrees with Yjs on updates real clients send, delivered in any order',
		{ timeout: 60_000 },
		() => {
			const random = prng.create(13);
			const writers = [writer(1), writer(2), writer(3)];
			for (let step = 0; step < 300; step++) {
				const { text, doc } = prng.oneOf(random, writers);
				const at = prng.uint32(random, 0, text.length);
				if (text.length > 0 && prng.bool(random)) text.delete(at, Math.min(3, text.length - at));
				else text.insert(at, prng.word(random, 1, 4));
				// Now and then a writer catches up with another, so updates refer across clients, and
				// sends what it has to the room as a sync step 2 would, with several clients' content.
				const other = prng.oneOf(random, writers);
				if (other.doc !== doc && prng.int32(random, 0, 3) === 0) {
					other.receive(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other.doc)));
					if (prng.bool(random)) {
						other.sent.push(Y.encodeStateAsUpdate(other.doc, Y.encodeStateVector(doc)));
					}
				}
			}
			// Delivered in a random order; what the room refuses comes again on a later pass.
			let waiting = writers.flatMap((w) => w.sent).sort(() => prng.real53(random) - 0.5);
			const room = new Y.Doc();
			let refused = 0;
			while (waiting.length > 0) {
				const again: Uint8Array[] = [];
				for (const update of waiting) {
					const reach = check(room, update);
					expect(reach !== null).toBe(!leavesPending(room, update));
					if (!reach) {
						again.push(update);
						continue;
					}
					Y.applyUpdate(room, update);
					for (const [client, clock] of reach) expect(Y.getState(room.store, client)).toBe(clock);
				}
				expect(again.length).toBeLessThan(waiting.length);
				refused += again.length;
				waiting = again;
			}
			expect(refused).toBeGreaterThan(100);
			// In the end the room has everything each writer wrote.
			for (const { doc } of writers) {
				expect(Y.getState(room.store, doc.clientID)).toBe(Y.getState(doc.store, doc.clientID));
			}
		}
	);
});
