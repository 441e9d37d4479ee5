import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/** An update as `Y.decodeUpdate` reads it: its structs in the order sent, and its deletions. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** Per client, the clock below which all of its content is held: a state vector. */
export type Reach = Map<number, number>;

/** The close reason of an update refused for this (ADR 0014), in the worker trial too. */
export const MISSING_CONTENT = 'update depends on missing content';

type Struct = DecodedUpdate['structs'][number];

/**
 * What the room holds of each client the update touches once it is integrated, or null when
 * Yjs could not integrate all of it: some struct or deletion depends on content that neither
 * the room (`held`: its document plus its appends in flight) nor the update itself has. Yjs
 * would keep such structs and deletions pending and try them again on every later update of
 * the document, for as long as the room lives (ADR 0014). Decided from the decoded update
 * alone, in time linear in its size:
 *
 * - each client's structs start at or below what is held of that client, with no gap (a
 *   `Skip` counts as a gap unless what it skips is held), and each client comes in one run
 *   (Yjs keeps only the last run of a client that comes twice);
 * - every origin, right origin and parent item is held or in the update, and one of the
 *   struct's own client comes before it (as every client writes them: Yjs does not wait for
 *   those); references into the update's own new content form no cycle (Yjs would wait on
 *   both sides);
 * - every deletion falls on content that is held or in the update.
 */
export function reachWhenIntegrated(
	update: Uint8Array,
	decoded: DecodedUpdate,
	held: (client: number) => number
): Reach | null {
	const runs = clientRuns(update, decoded.structs);
	if (!runs) return null;
	const heldBefore = remembered(held);
	const reach: Reach = new Map();
	for (const [client, structs] of runs) {
		let clock = heldBefore(client);
		for (const struct of structs) {
			if (struct.id.clock > clock) return null;
			clock = Math.max(clock, struct.id.clock + struct.length);
		}
		reach.set(client, clock);
	}
	const reached = (client: number) => reach.get(client) ?? heldBefore(client);
	const graph = new Graph(runs);
	for (const structs of runs.values()) {
		for (const struct of structs) {
			if (!(struct instanceof Y.Item)) continue;
			const parent = struct.parent instanceof Y.ID ? struct.parent : null;
			for (const on of [struct.origin, struct.rightOrigin, parent]) {
				if (!on) continue;
				if (on.client === struct.id.client) {
					if (on.clock >= struct.id.clock) return null;
				} else if (on.clock >= reached(on.client)) {
					return null;
				} else if (on.clock >= heldBefore(on.client)) {
					graph.link(struct, on);
				}
			}
		}
	}
	for (const [client, deletions] of decoded.ds.clients) {
		// An empty deletion beyond the state is kept pending by Yjs all the same.
		for (const { clock, len } of deletions) {
			if (clock + Math.max(len, 1) > reached(client)) return null;
		}
	}
	return graph.hasCycle() ? null : reach;
}

/**
 * The structs of each client (without `Skip`s), or null when a client comes in more than one
 * run. `Y.decodeUpdate` lists structs without their runs; the update's first number says how
 * many runs it has, and a run of a client that also comes next to it, or with no struct at all,
 * makes that count larger than the runs the structs show.
 */
function clientRuns(update: Uint8Array, structs: Struct[]): Map<number, Struct[]> | null {
	const runs = new Map<number, Struct[]>();
	let count = 0;
	let previous: Struct | null = null;
	for (const struct of structs) {
		const { client, clock } = struct.id;
		const continues =
			previous !== null &&
			previous.id.client === client &&
			previous.id.clock + previous.length === clock;
		if (!continues) {
			if (runs.has(client)) return null;
			runs.set(client, []);
			count++;
		}
		if (!(struct instanceof Y.Skip)) runs.get(client)!.push(struct);
		previous = struct;
	}
	return decoding.readVarUint(decoding.createDecoder(update)) === count ? runs : null;
}

function remembered(held: (client: number) => number): (client: number) => number {
	const known = new Map<number, number>();
	return (client) => {
		let clock = known.get(client);
		if (clock === undefined) known.set(client, (clock = held(client)));
		return clock;
	};
}

/**
 * References between the update's structs: each struct waits for the one before it of its
 * client, and for those it refers to. Built only for references into new content, which
 * typing never has (its references are held), so the common case costs nothing here.
 */
class Graph {
	private readonly refers = new Map<Struct, Struct[]>();
	private readonly before = new Map<Struct, Struct>();

	constructor(private readonly runs: Map<number, Struct[]>) {}

	link(from: Struct, to: Y.ID): void {
		const target = this.structAt(to);
		const list = this.refers.get(from);
		if (list) list.push(target);
		else this.refers.set(from, [target]);
	}

	hasCycle(): boolean {
		if (this.refers.size === 0) return false;
		for (const own of this.runs.values()) {
			for (let i = 1; i < own.length; i++) this.before.set(own[i], own[i - 1]);
		}
		const done = new Set<Struct>();
		const onPath = new Set<Struct>();
		for (const start of this.refers.keys()) {
			if (done.has(start)) continue;
			const path: { struct: Struct; next: Struct[] }[] = [];
			const enter = (struct: Struct) => {
				onPath.add(struct);
				path.push({ struct, next: this.waitsFor(struct) });
			};
			enter(start);
			while (path.length > 0) {
				const top = path[path.length - 1];
				const next = top.next.pop();
				if (next === undefined) {
					onPath.delete(top.struct);
					done.add(top.struct);
					path.pop();
				} else if (onPath.has(next)) {
					return true;
				} else if (!done.has(next)) {
					enter(next);
				}
			}
		}
		return false;
	}

	private waitsFor(struct: Struct): Struct[] {
		const previous = this.before.get(struct);
		return [...(previous ? [previous] : []), ...(this.refers.get(struct) ?? [])];
	}

	/** The struct holding `id`: the last of its client's starting at or before its clock. */
	private structAt(id: Y.ID): Struct {
		const own = this.runs.get(id.client)!;
		let low = 0;
		let high = own.length - 1;
		while (low < high) {
			const middle = (low + high + 1) >> 1;
			if (own[middle].id.clock <= id.clock) low = middle;
			else high = middle - 1;
		}
		return own[low];
	}
}
