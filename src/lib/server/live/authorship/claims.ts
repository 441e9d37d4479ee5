import * as Y from 'yjs';

/**
 * Attribution of live text (ADR 0056): the collaboration server knows which signed-in person
 * sent each update, so the Yjs structs an update carries — identified by (client, clock) —
 * belong to that person. Nothing a client writes into the document itself is believed.
 */

/** The author of what Tavolo writes itself: restores, seeding, marks from domain code. */
export const TAVOLO_AUTHOR = '00000000-0000-0000-0000-000000000000';

/** Structs of Yjs client `client` with clocks in [start, end) were sent by `authorId`. */
export interface Claim {
	client: number;
	start: number;
	end: number;
	authorId: string;
}

/**
 * The clock ranges of the structs in a (v1) update. Skips are left out: they carry nothing,
 * and counting them would let a client reserve clocks another person's text will use.
 */
export function claimsOfUpdate(update: Uint8Array, authorId: string): Claim[] {
	const claims: Claim[] = [];
	let structs: ReturnType<typeof Y.decodeUpdate>['structs'];
	try {
		structs = Y.decodeUpdate(update).structs;
	} catch {
		// Yjs could not apply it either: nobody wrote anything with it.
		return [];
	}
	for (const struct of structs) {
		if (struct instanceof Y.Skip) continue;
		const { client, clock } = struct.id;
		const last = claims.at(-1);
		if (last && last.client === client && last.end === clock) last.end += struct.length;
		else claims.push({ client, start: clock, end: clock + struct.length, authorId });
	}
	return claims;
}

/**
 * Adds claims, in the order they were received, to non-overlapping segments: the first sender
 * of a clock is its author, because Yjs ignores structs it already has. Adjacent segments of
 * one author are merged, so a person's session is usually one segment however long they type.
 */
export function foldClaims(segments: readonly Claim[], claims: readonly Claim[]): Claim[] {
	const byClient = new Map<number, Claim[]>();
	for (const segment of segments) listOf(byClient, segment.client).push({ ...segment });
	for (const list of byClient.values()) list.sort((a, b) => a.start - b.start);
	for (const claim of claims) addClaim(listOf(byClient, claim.client), claim);
	return [...byClient.values()].flatMap(mergeAdjacent);
}

function listOf(map: Map<number, Claim[]>, client: number): Claim[] {
	let list = map.get(client);
	if (!list) map.set(client, (list = []));
	return list;
}

/** Inserts the parts of `claim` no segment covers yet, keeping `list` sorted by start. */
function addClaim(list: Claim[], claim: Claim): void {
	const last = list.at(-1);
	// The usual case: a person keeps typing, each update continuing their clock.
	if (!last || claim.start >= last.end) {
		list.push({ ...claim });
		return;
	}
	const gaps: Claim[] = [];
	let from = claim.start;
	for (const segment of list) {
		if (segment.end <= from) continue;
		if (segment.start >= claim.end) break;
		if (segment.start > from) gaps.push({ ...claim, start: from, end: segment.start });
		from = Math.max(from, segment.end);
		if (from >= claim.end) break;
	}
	if (from < claim.end) gaps.push({ ...claim, start: from });
	list.push(...gaps);
	list.sort((a, b) => a.start - b.start);
}

function mergeAdjacent(list: Claim[]): Claim[] {
	const merged: Claim[] = [];
	for (const segment of list) {
		const last = merged.at(-1);
		if (last && last.end === segment.start && last.authorId === segment.authorId) {
			last.end = segment.end;
		} else merged.push(segment);
	}
	return merged;
}

/** Answers "who sent these clocks of this client?" from folded segments. */
export class AuthorshipMap {
	private readonly byClient = new Map<number, Claim[]>();

	constructor(segments: readonly Claim[]) {
		for (const segment of segments) listOf(this.byClient, segment.client).push(segment);
		for (const list of this.byClient.values()) list.sort((a, b) => a.start - b.start);
	}

	/**
	 * The authors of clocks [clock, clock + length) of `client`, as consecutive runs; a run
	 * nobody claimed has `authorId` null (text stored before attribution existed).
	 */
	runs(
		client: number,
		clock: number,
		length: number
	): { authorId: string | null; length: number }[] {
		const list = this.byClient.get(client) ?? [];
		const runs: { authorId: string | null; length: number }[] = [];
		const push = (authorId: string | null, n: number) => {
			const last = runs.at(-1);
			if (last && last.authorId === authorId) last.length += n;
			else if (n > 0) runs.push({ authorId, length: n });
		};
		const end = clock + length;
		let at = clock;
		for (let i = firstEndingAfter(list, at); i < list.length && at < end; i++) {
			const segment = list[i];
			if (segment.start >= end) break;
			if (segment.start > at) push(null, segment.start - at);
			const upTo = Math.min(end, segment.end);
			push(segment.authorId, upTo - Math.max(at, segment.start));
			at = upTo;
		}
		if (at < end) push(null, end - at);
		return runs;
	}
}

/** Index of the first segment ending after `clock` (binary search over sorted segments). */
function firstEndingAfter(list: readonly Claim[], clock: number): number {
	let low = 0;
	let high = list.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (list[mid].end <= clock) low = mid + 1;
		else high = mid;
	}
	return low;
}
