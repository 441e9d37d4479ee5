import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { guardAwareness, PRESENCE_LIMITS } from '../../../server/collab/awareness-guard';
import type { Connection } from '../../../server/collab/connection';

/** A socket as the guard sees it: who signed in, and the client ids it announced. */
const socket = () =>
	({
		actor: { id: 'b6c1e4a2-0000-4000-8000-000000000001', name: 'Anna Rossi' },
		awarenessIds: new Set<number>()
	}) as unknown as Connection;

/** An awareness update as y-protocols encodes it, with each state's bytes as given. */
function entries(list: { clientId: number; state: Uint8Array }[]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, list.length);
	for (const { clientId, state } of list) {
		encoding.writeVarUint(encoder, clientId);
		encoding.writeVarUint(encoder, 1);
		encoding.writeVarUint8Array(encoder, state);
	}
	return encoding.toUint8Array(encoder);
}

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const NOT_JSON = new TextEncoder().encode('{{');
const presence = () => new awarenessProtocol.Awareness(new Y.Doc());

describe('the presence guard', () => {
	it('binds a well-formed state to the person signed in', () => {
		const verdict = guardAwareness(
			presence(),
			socket(),
			entries([{ clientId: 7, state: json({ user: { id: 'someone else', name: 'Finto' } }) }])
		);
		expect(verdict.kind).toBe('accept');
		const applied = presence();
		if (verdict.kind === 'accept' && verdict.update) {
			awarenessProtocol.applyAwarenessUpdate(applied, verdict.update, null);
		}
		expect(applied.getStates().get(7)).toEqual({
			user: { id: 'b6c1e4a2-0000-4000-8000-000000000001', name: 'Anna Rossi' }
		});
	});

	it.each([
		['not JSON', NOT_JSON],
		['not UTF-8', Uint8Array.of(0x22, 0xc3, 0x22)]
	])('refuses a kept state that is %s with 1007', (_what, state) => {
		expect(guardAwareness(presence(), socket(), entries([{ clientId: 7, state }]))).toMatchObject({
			kind: 'refuse',
			code: 1007,
			reason: 'malformed state'
		});
	});

	it('refuses too many entries with 1008 before reading any state', () => {
		const flood = Array.from({ length: PRESENCE_LIMITS.entriesPerMessage + 1 }, (_, i) => ({
			clientId: 1_000 + i,
			state: NOT_JSON
		}));
		expect(guardAwareness(presence(), socket(), entries(flood))).toMatchObject({
			kind: 'refuse',
			code: 1008,
			reason: 'too many presence entries'
		});
	});

	it('refuses too many changes with 1008 before parsing any state', () => {
		const changes = Array.from({ length: PRESENCE_LIMITS.changesPerMessage + 1 }, (_, i) => ({
			clientId: 1_000 + i,
			state: NOT_JSON
		}));
		expect(guardAwareness(presence(), socket(), entries(changes))).toMatchObject({
			code: 1008,
			reason: 'too many presence entries'
		});
	});

	it('refuses a state over the byte limit with 1008 before parsing it', () => {
		const large = new Uint8Array(PRESENCE_LIMITS.stateBytes + 1).fill(0x7b);
		expect(
			guardAwareness(presence(), socket(), entries([{ clientId: 7, state: large }]))
		).toMatchObject({ code: 1008, reason: 'presence state too large' });
	});

	it('refuses more client ids per socket than its limit with 1008', () => {
		const connection = socket();
		const awareness = presence();
		for (let i = 0; i < PRESENCE_LIMITS.clientIdsPerSocket; i++) {
			const verdict = guardAwareness(
				awareness,
				connection,
				entries([{ clientId: 100 + i, state: json({}) }])
			);
			if (verdict.kind !== 'accept' || !verdict.update) throw new Error('refused too early');
			awarenessProtocol.applyAwarenessUpdate(awareness, verdict.update, null);
			connection.awarenessIds.add(100 + i);
		}
		expect(
			guardAwareness(awareness, connection, entries([{ clientId: 999, state: json({}) }]))
		).toMatchObject({ code: 1008, reason: 'too many presence clients' });
	});
});
