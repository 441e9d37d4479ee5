import * as Y from 'yjs';
import type { Reach } from './update-dependencies';

/** An update admitted and being stored: not yet integrated into the room's document. */
export interface Append {
	update: Uint8Array;
	/** What the room holds of each client the update touches once it is integrated. */
	reach: Reach;
}

/**
 * The room's appends in flight, shared by every check that must see the document as it will
 * be once they land: the dependency check (what is held of a client), the suggestion guard
 * (its shadow document) and the update trials (waiting for the room to settle).
 */
export class AppendLedger {
	private readonly appends = new Set<Append>();
	private idle: (() => void)[] = [];

	constructor(private readonly doc: Y.Doc) {}

	get size(): number {
		return this.appends.size;
	}

	add(append: Append): void {
		this.appends.add(append);
	}

	/** The append was integrated (or failed): it no longer counts. */
	settle(append: Append): void {
		this.appends.delete(append);
		if (this.appends.size === 0) for (const resolve of this.idle.splice(0)) resolve();
	}

	/** The clock below which the room has all of a client's content, or will once appended. */
	readonly held = (client: number): number => {
		let clock = Y.getState(this.doc.store, client);
		for (const { reach } of this.appends) clock = Math.max(clock, reach.get(client) ?? 0);
		return clock;
	};

	/** The updates in flight, oldest first. */
	updates(): Uint8Array[] {
		return [...this.appends].map(({ update }) => update);
	}

	/** Resolves once no append is in flight. */
	settled(): Promise<void> {
		if (this.appends.size === 0) return Promise.resolve();
		return new Promise((resolve) => this.idle.push(resolve));
	}
}
