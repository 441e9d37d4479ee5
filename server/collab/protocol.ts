import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { DecodedUpdate, Reach } from './update-dependencies';

/** y-websocket message types (first varint of every frame). */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;
/** y-protocols/sync sub-types (second varint of a sync frame). */
export const SyncType = { Step1: 0, Step2: 1, Update: 2 } as const;

export type ClientMessage =
	| { type: 'sync-step-1'; stateVector: Uint8Array }
	| SyncUpdate
	| { type: 'awareness'; update: Uint8Array }
	| { type: 'query-awareness' };

/** A client's sync step 2 or update: a Yjs update for the room. */
export interface SyncUpdate {
	type: 'sync-step-2' | 'update';
	update: Uint8Array;
	/** Parsed with its frame; absent when the frame was left to the caller (`parseUpdates`). */
	decoded?: DecodedUpdate;
	/** Set by a trial that accepted it (update-budget.ts): what the room holds once it is in. */
	reach?: Reach;
}

/** Anything a client sent that is not a well-formed message; the connection is closed. */
export class ProtocolError extends Error {}

/**
 * Decodes one frame completely before anything acts on it: lengths are checked against the
 * frame, Yjs payloads are parsed in full, and trailing bytes are refused. So a truncated or
 * forged frame fails here, not half-way through applying an update to a shared document.
 * `parseUpdates: false` leaves a sync update's payload to the caller (update-budget.ts parses
 * large ones in a worker).
 */
export function decodeMessage(
	frame: Uint8Array,
	{ parseUpdates = true }: { parseUpdates?: boolean } = {}
): ClientMessage {
	const decoder = decoding.createDecoder(frame);
	const message = decodeBody(decoder, parseUpdates);
	if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes');
	return message;
}

function decodeBody(decoder: decoding.Decoder, parseUpdates: boolean): ClientMessage {
	const type = readLength(decoder, 'message type');
	if (type === MessageType.Sync) {
		const syncType = readLength(decoder, 'sync type');
		const payload = readBytes(decoder);
		if (syncType === SyncType.Step1) {
			parse(() => Y.decodeStateVector(payload), 'state vector');
			return { type: 'sync-step-1', stateVector: payload };
		}
		if (syncType === SyncType.Step2 || syncType === SyncType.Update) {
			const decoded = parseUpdates ? parse(() => Y.decodeUpdate(payload), 'update') : undefined;
			return {
				type: syncType === SyncType.Step2 ? 'sync-step-2' : 'update',
				update: payload,
				decoded
			};
		}
		throw new ProtocolError(`unknown sync type ${syncType}`);
	}
	if (type === MessageType.Awareness) {
		const update = readBytes(decoder);
		validateAwareness(update);
		return { type: 'awareness', update };
	}
	if (type === MessageType.QueryAwareness) return { type: 'query-awareness' };
	throw new ProtocolError(`unknown message type ${type}`);
}

/**
 * An awareness update's layout: count, then per client its id, clock and state, each within
 * the frame. The states are not decoded here: awareness-guard.ts limits entries, client ids
 * and bytes first (a flood must cost nothing to refuse), then parses the few it keeps.
 */
function validateAwareness(update: Uint8Array): void {
	const decoder = decoding.createDecoder(update);
	const count = readLength(decoder, 'awareness count');
	for (let i = 0; i < count; i++) {
		readLength(decoder, 'client id');
		readLength(decoder, 'clock');
		readBytes(decoder);
	}
	if (decoding.hasContent(decoder)) throw new ProtocolError('trailing awareness bytes');
}

function readLength(decoder: decoding.Decoder, what: string): number {
	return parse(() => decoding.readVarUint(decoder), what);
}

/** lib0 would read past the end of a short frame into a pooled buffer: check the length first. */
function readBytes(decoder: decoding.Decoder): Uint8Array {
	const length = readLength(decoder, 'length');
	if (length > decoder.arr.length - decoder.pos) throw new ProtocolError('length beyond frame');
	return decoding.readUint8Array(decoder, length);
}

function parse<T>(read: () => T, what: string): T {
	try {
		return read();
	} catch {
		throw new ProtocolError(`malformed ${what}`);
	}
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
	return frame(MessageType.Sync, SyncType.Step1, Y.encodeStateVector(doc));
}

/** The server's answer to a client's step 1: everything the client is missing. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
	return frame(MessageType.Sync, SyncType.Step2, Y.encodeStateAsUpdate(doc, stateVector));
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
	return frame(MessageType.Sync, SyncType.Update, update);
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageType.Awareness);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}

function frame(type: number, syncType: number, payload: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, type);
	encoding.writeVarUint(encoder, syncType);
	encoding.writeVarUint8Array(encoder, payload);
	return encoding.toUint8Array(encoder);
}
