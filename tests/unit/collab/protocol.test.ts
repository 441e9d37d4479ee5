import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	decodeMessage,
	encodeAwareness,
	encodeSyncStep1,
	encodeSyncStep2,
	encodeUpdate,
	ProtocolError
} from '../../../server/collab/protocol';

function docWith(text: string): Y.Doc {
	const doc = new Y.Doc();
	doc.getText('body').insert(0, text);
	return doc;
}

/** Frames exactly as y-protocols writes them on the client. */
function clientFrame(write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	write(encoder);
	return encoding.toUint8Array(encoder);
}

describe('decoding client messages', () => {
	it('reads the sync step 1 a stock client sends on connect', () => {
		const doc = docWith('ciao');
		const frame = clientFrame((e) => {
			encoding.writeVarUint(e, 0);
			syncProtocol.writeSyncStep1(e, doc);
		});
		expect(decodeMessage(frame)).toEqual({
			type: 'sync-step-1',
			stateVector: Y.encodeStateVector(doc)
		});
	});

	it('tells sync step 2 from a plain update', () => {
		const doc = docWith('ciao');
		const step2 = clientFrame((e) => {
			encoding.writeVarUint(e, 0);
			syncProtocol.writeSyncStep2(e, doc);
		});
		const update = clientFrame((e) => {
			encoding.writeVarUint(e, 0);
			syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc));
		});
		expect(decodeMessage(step2).type).toBe('sync-step-2');
		expect(decodeMessage(update)).toEqual({
			type: 'update',
			update: Y.encodeStateAsUpdate(doc),
			// Parsed in full, and kept: the room checks what it depends on (ADR 0014).
			decoded: Y.decodeUpdate(Y.encodeStateAsUpdate(doc))
		});
	});

	it('reads awareness updates and awareness queries', () => {
		const awareness = new awarenessProtocol.Awareness(new Y.Doc());
		awareness.setLocalState({ user: { name: 'Anna' } });
		const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]);
		expect(decodeMessage(encodeAwareness(update))).toEqual({ type: 'awareness', update });
		expect(decodeMessage(Uint8Array.of(3))).toEqual({ type: 'query-awareness' });
		awareness.destroy();
	});

	it.each([
		['empty frame', []],
		['truncated varint', [0x80]],
		['varint too long', [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]],
		['length past the end', [0, 2, 200, 1]],
		['unknown type', [2, 0]],
		['unknown sync type', [0, 3, 0]],
		['garbage update', [0, 2, 3, 0xff, 0xff, 0xff]],
		['garbage state vector', [0, 0, 1, 0xff]],
		['awareness state past the frame', [1, 5, 1, 1, 1, 9, 0x7b]],
		['awareness count past the entries', [1, 4, 2, 1, 1, 0]],
		['trailing bytes', [0, 0, 1, 0, 0]]
	])('refuses a %s with a ProtocolError', (_what, bytes) => {
		expect(() => decodeMessage(Uint8Array.from(bytes))).toThrow(ProtocolError);
	});

	it('leaves awareness states unparsed: the presence guard limits them first', () => {
		const notJson = Uint8Array.of(1, 5, 1, 1, 1, 1, 0x7b);
		expect(decodeMessage(notJson)).toEqual({ type: 'awareness', update: notJson.subarray(2) });
	});

	it('leaves a large update to the worker when asked, still checking the frame', () => {
		const garbage = Uint8Array.from([0, 2, 3, 0xff, 0xff, 0xff]);
		expect(decodeMessage(garbage, { parseUpdates: false })).toEqual({
			type: 'update',
			update: Uint8Array.from([0xff, 0xff, 0xff])
		});
		const truncated = Uint8Array.from([0, 2, 200, 1]);
		expect(() => decodeMessage(truncated, { parseUpdates: false })).toThrow(ProtocolError);
	});

	it('never reads past a frame that is a view into a larger buffer', () => {
		const backing = new Uint8Array(64).fill(7);
		backing.set([0, 2, 40], 0);
		expect(() => decodeMessage(backing.subarray(0, 3))).toThrow(ProtocolError);
	});
});

describe('encoding server messages', () => {
	it('answers a step 1 with exactly what the client lacks', () => {
		const server = docWith('ordine del giorno');
		const client = new Y.Doc();
		const step2 = decodeMessage(encodeSyncStep2(server, Y.encodeStateVector(client)));
		expect(step2.type).toBe('sync-step-2');
		if (step2.type === 'sync-step-2') Y.applyUpdate(client, step2.update);
		expect(client.getText('body').toString()).toBe('ordine del giorno');
	});

	it('round-trips step 1 and updates through the decoder', () => {
		const doc = docWith('x');
		expect(decodeMessage(encodeSyncStep1(doc)).type).toBe('sync-step-1');
		expect(decodeMessage(encodeUpdate(Y.encodeStateAsUpdate(doc))).type).toBe('update');
	});
});
