import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeMessage, encodeSyncStep1, encodeSyncStep2 } from '../../../server/collab/protocol';
import { SyncFrames } from '../../../server/collab/sync-frames';

const EMPTY = Y.encodeStateVector(new Y.Doc());

function docWith(text: string): Y.Doc {
	const doc = new Y.Doc();
	doc.getText('body').insert(0, text);
	return doc;
}

describe('sync frames', () => {
	it('gives every client that holds nothing the same step 2, the whole document', () => {
		const doc = docWith('hello');
		const frames = new SyncFrames(doc);
		const first = frames.step2(EMPTY);
		expect(frames.step2(EMPTY)).toBe(first);
		expect(first).toEqual(encodeSyncStep2(doc, EMPTY));
		expect(frames.step1()).toBe(frames.step1());
		expect(frames.step1()).toEqual(encodeSyncStep1(doc));
	});

	it('encodes afresh after any change of the document', () => {
		const doc = docWith('hello');
		const frames = new SyncFrames(doc);
		const before = frames.step2(EMPTY);
		const vector = frames.step1();
		doc.getText('body').insert(5, ' world');
		const after = frames.step2(EMPTY);
		expect(after).not.toBe(before);
		const client = new Y.Doc();
		const step2 = decodeMessage(after);
		if (step2.type !== 'sync-step-2') throw new Error(step2.type);
		Y.applyUpdate(client, step2.update);
		expect(client.getText('body').toString()).toBe('hello world');
		expect(frames.step1()).not.toBe(vector);
		expect(frames.step1()).toEqual(encodeSyncStep1(doc));
	});

	it('answers a client holding something with only what it misses', () => {
		const doc = docWith('hello');
		const client = new Y.Doc();
		Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
		doc.getText('body').insert(5, '!');
		const frames = new SyncFrames(doc);
		const vector = Y.encodeStateVector(client);
		expect(frames.step2(vector)).toEqual(encodeSyncStep2(doc, vector));
		expect(frames.step2(vector)).not.toBe(frames.step2(vector));
	});

	it('does not keep a step 2 while content waits for its dependencies', () => {
		const author = docWith('a');
		const first = Y.encodeStateAsUpdate(author);
		author.getText('body').insert(1, 'b');
		const whole = Y.encodeStateAsUpdate(author);
		const doc = new Y.Doc();
		const frames = new SyncFrames(doc);
		Y.applyUpdate(doc, Y.diffUpdate(whole, Y.encodeStateVectorFromUpdate(first)));
		expect(doc.store.pendingStructs).not.toBeNull();
		expect(frames.step2(EMPTY)).not.toBe(frames.step2(EMPTY));
	});
});
