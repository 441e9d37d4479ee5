import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';
import { CloseCode } from './close-codes';
import type { Connection } from './connection';
import { refuse, type Objection } from './verdict';

/** Sustained awareness messages per second per socket, and the burst allowed above it. */
const RATE_PER_SECOND = 30;
const BURST = 90;

/**
 * Presence limits (issue 15's flood: thousands of invented client ids with large states in a
 * few messages). A stock client announces one client id of its own, with a state of a few
 * hundred bytes (name, colour, caret); it also echoes everyone's states back, so a message may
 * list every client of the room, but those echoes change nothing and are dropped unparsed.
 */
export const PRESENCE_LIMITS = {
	/** Entries of any kind in one message: two instances' worth of full rooms, with room to spare. */
	entriesPerMessage: 4096,
	/** Entries that change something (new or renewed states) in one message. */
	changesPerMessage: 8,
	/** Client ids one socket may announce over its life (removals free their place). */
	clientIdsPerSocket: 8,
	/** Bytes of one state's JSON. */
	stateBytes: 16 * 1024
} as const;

export type FloodReason =
	| 'awareness flood'
	| 'too many presence entries'
	| 'too many presence clients'
	| 'presence state too large';

/** Accepted with what to apply (null: nothing changes), or refused: 1008 for a flood. */
export type PresenceVerdict = Objection | { kind: 'accept'; update: Uint8Array | null };

const buckets = new WeakMap<Connection, { tokens: number; at: number }>();

interface Entry {
	clientId: number;
	clock: number;
	/** The state's UTF-8 JSON as sent: decoded and parsed only for an entry that is kept. */
	json: Uint8Array;
}

/** `null`, the state of a client that left, as bytes: compared without decoding anything. */
const NULL_STATE = new TextEncoder().encode('null');
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Presence is bound to the authenticated person (ADR 0071): every state a socket announces
 * carries `user.id` and `user.name` of the person the server signed in, whatever the client
 * wrote, so nobody can appear as someone else. Entries for a client id whose state belongs to
 * another person (its bound `user.id` says whose, on every instance) are dropped: stock
 * y-websocket clients echo everyone's states back, so such entries are normal and harmless,
 * and a forged one changes nothing. Only entries that change something (a clock the room has
 * not seen) count against a generous rate; beyond it the socket is a flood and is closed.
 */
export function guardAwareness(
	awareness: Awareness,
	connection: Connection,
	update: Uint8Array,
	now = Date.now()
): PresenceVerdict {
	const { id, name } = connection.actor;
	const entries = readEntries(update);
	if (entries === null) return flood('too many presence entries');
	const kept = entries.filter(
		(entry) =>
			changesSomething(awareness, entry) &&
			[undefined, id].includes(ownerOf(awareness.getStates().get(entry.clientId)))
	);
	const excess = exceedsLimits(connection, kept);
	if (excess) return flood(excess);
	if (kept.length > 0 && !takeToken(connection, now)) return flood('awareness flood');
	if (kept.length === 0) return { kind: 'accept', update: null };
	const states = parseStates(kept);
	if (!states) return refuse(CloseCode.InvalidMessage, 'malformed state', 'invalid message');
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, kept.length);
	kept.forEach((entry, i) => {
		encoding.writeVarUint(encoder, entry.clientId);
		encoding.writeVarUint(encoder, entry.clock);
		encoding.writeVarString(encoder, JSON.stringify(bind(states[i], id, name)));
	});
	return { kind: 'accept', update: encoding.toUint8Array(encoder) };
}

const flood = (reason: FloodReason): Objection => refuse(CloseCode.PolicyViolation, reason);

/** The kept entries' states, parsed only now that their number and sizes are known to be small. */
function parseStates(kept: Entry[]): unknown[] | null {
	try {
		return kept.map((entry) => JSON.parse(utf8.decode(entry.json)) as unknown);
	} catch {
		return null;
	}
}

const isNullState = (json: Uint8Array) =>
	json.length === NULL_STATE.length && json.every((byte, i) => byte === NULL_STATE[i]);

/**
 * The rule of y-protocols' applyAwarenessUpdate: a newer clock, or a removal at the same one.
 * Anything else (the echoes every stock client sends back of everyone's states) would be
 * ignored by it anyway, so it is dropped before any JSON is parsed or written.
 */
function changesSomething(awareness: Awareness, entry: Entry): boolean {
	const current = awareness.meta.get(entry.clientId)?.clock ?? 0;
	return (
		entry.clock > current ||
		(entry.clock === current && isNullState(entry.json) && awareness.states.has(entry.clientId))
	);
}

/** What a socket may not announce, checked before anything is parsed, applied or relayed. */
function exceedsLimits(connection: Connection, kept: Entry[]): FloodReason | null {
	if (kept.length > PRESENCE_LIMITS.changesPerMessage) return 'too many presence entries';
	const added = new Set<number>();
	for (const entry of kept) {
		if (entry.json.length > PRESENCE_LIMITS.stateBytes) return 'presence state too large';
		if (!isNullState(entry.json) && !connection.awarenessIds.has(entry.clientId)) {
			added.add(entry.clientId);
		}
	}
	if (connection.awarenessIds.size + added.size > PRESENCE_LIMITS.clientIdsPerSocket) {
		return 'too many presence clients';
	}
	return null;
}

/**
 * The frame's layout was checked by protocol.ts: count, then id, clock and state per client.
 * Null when the count is over the limit: nothing more is read. The states stay bytes (views
 * into the frame, not copies): no state is decoded before the limits are known to hold.
 */
function readEntries(update: Uint8Array): Entry[] | null {
	const decoder = decoding.createDecoder(update);
	const count = decoding.readVarUint(decoder);
	if (count > PRESENCE_LIMITS.entriesPerMessage) return null;
	const entries: Entry[] = [];
	for (let i = 0; i < count; i++) {
		const clientId = decoding.readVarUint(decoder);
		const clock = decoding.readVarUint(decoder);
		entries.push({ clientId, clock, json: decoding.readVarUint8Array(decoder) });
	}
	return entries;
}

function takeToken(connection: Connection, now: number): boolean {
	const bucket = buckets.get(connection) ?? { tokens: BURST, at: now };
	bucket.tokens = Math.min(BURST, bucket.tokens + ((now - bucket.at) / 1000) * RATE_PER_SECOND);
	bucket.at = now;
	buckets.set(connection, bucket);
	if (bucket.tokens < 1) return false;
	bucket.tokens -= 1;
	return true;
}

function ownerOf(state: Record<string, unknown> | undefined): string | undefined {
	const user = state?.user as { id?: unknown } | undefined;
	return typeof user?.id === 'string' ? user.id : undefined;
}

/** `null` removes the client's state; any other state is stamped with who sent it. */
function bind(state: unknown, id: string, name: string): unknown {
	if (state === null) return null;
	const record =
		typeof state === 'object' && !Array.isArray(state) ? (state as Record<string, unknown>) : {};
	const user = typeof record.user === 'object' && record.user !== null ? record.user : {};
	return { ...record, user: { ...user, id, name } };
}
