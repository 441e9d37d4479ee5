import * as Y from 'yjs';
import {
	agreedText,
	suggestionViolation,
	type AgreedText
} from '$lib/editor/suggestions/agreed-text';
import { TEXT_FIELD } from '$lib/editor/suggestions/text-field';
import type { Logger } from '$lib/server/log/logger';
import { CloseCode } from './close-codes';
import type { Connection } from './connection';

/** An update let through whose append may still be in flight: not yet in the room's doc. */
interface InFlight {
	update: Uint8Array;
	/** The clock each client reaches with it: once the room's doc has as much, it is in. */
	reaches: Map<number, number>;
}

/**
 * The collaboration server's side of suggestion mode (ADR 0095). A connection that may only
 * suggest sends updates that must leave the agreed text as it was and add suggestions signed
 * by that person only. Each update is tried on a shadow of the room's document (the doc plus
 * the updates let through whose append is still in flight) and judged by comparing what the
 * editor would show before and after, so it does not matter how y-prosemirror encoded it.
 * A refused update is neither stored nor relayed: its socket is closed.
 */
export class SuggestGuard {
	private shadow: Y.Doc | null = null;
	/** The agreed text of the shadow, kept between updates: typing pays for one reading. */
	private view: AgreedText | null = null;
	private inFlight: InFlight[] = [];

	constructor(
		private readonly doc: Y.Doc,
		private readonly log: Logger
	) {
		doc.on('update', this.follow);
	}

	/** True when `update` only touches the sender's own suggestions; else closes the socket. */
	allows(connection: Connection, update: Uint8Array): boolean {
		const shadow = this.shadowDoc();
		const before = (this.view ??= agreedText(shadow.getXmlFragment(TEXT_FIELD)));
		const pending = pendingOf(shadow);
		let outside = false;
		const watch = (transaction: Y.Transaction) => (outside ||= changesOutside(transaction, shadow));
		shadow.on('afterTransaction', watch);
		try {
			Y.applyUpdate(shadow, update);
		} catch (error) {
			this.reset();
			throw error;
		} finally {
			shadow.off('afterTransaction', watch);
		}
		const reason =
			pendingOf(shadow) !== pending
				? 'unknown_dependencies'
				: outside
					? 'outside_the_text'
					: suggestionViolation(
							before,
							(this.view = agreedText(shadow.getXmlFragment(TEXT_FIELD))),
							connection.actor.id
						);
		if (reason === null) {
			this.inFlight.push({
				update,
				reaches: Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update))
			});
			return true;
		}
		this.reset();
		this.log.warn(
			{ document: connection.documentName, person: connection.actor.id, reason },
			'collab suggestion refused'
		);
		connection.close(CloseCode.SuggestionsOnly, `suggestions only: ${reason}`);
		return false;
	}

	/** Built on the first suggestion, then kept in step with every change of the room. */
	private shadowDoc(): Y.Doc {
		if (this.shadow) return this.shadow;
		const shadow = new Y.Doc();
		Y.applyUpdate(shadow, Y.encodeStateAsUpdate(this.doc));
		for (const { update } of this.inFlight) Y.applyUpdate(shadow, update);
		shadow.on('update', () => (this.view = null));
		this.shadow = shadow;
		this.view = null;
		return shadow;
	}

	private readonly follow = (update: Uint8Array) => {
		this.inFlight = this.inFlight.filter(({ reaches }) => !this.holds(reaches));
		// Applying what the shadow already has changes nothing (Yjs updates are idempotent).
		if (this.shadow) Y.applyUpdate(this.shadow, update);
	};

	private holds(reaches: Map<number, number>): boolean {
		for (const [client, clock] of reaches) {
			if (Y.getState(this.doc.store, client) < clock) return false;
		}
		return true;
	}

	private reset(): void {
		this.shadow?.destroy();
		this.shadow = null;
		this.view = null;
	}
}

/** Whether a transaction touched anything but the section's text (another root type). */
function changesOutside(transaction: Y.Transaction, doc: Y.Doc): boolean {
	const text: unknown = doc.getXmlFragment(TEXT_FIELD);
	for (const changed of transaction.changed.keys()) {
		let root = changed;
		while (root._item) root = root._item.parent as typeof root;
		if (root !== text) return true;
	}
	return false;
}

/** Structs or deletions waiting for something the server never received. */
function pendingOf(doc: Y.Doc): string {
	const { pendingStructs, pendingDs } = doc.store;
	const bytes = (update: Uint8Array | null | undefined) =>
		update ? Buffer.from(update).toString('base64') : '';
	return `${bytes(pendingStructs?.update)}|${bytes(pendingDs)}`;
}
