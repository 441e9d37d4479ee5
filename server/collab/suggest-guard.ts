import * as Y from 'yjs';
import type { SuggestionRules } from '$lib/server/live-kinds';
import type { AppendLedger } from './append-ledger';
import { CloseCode } from './close-codes';
import type { Connection } from './connection';
import { ACCEPT, refuse, type Verdict } from './verdict';

/**
 * The collaboration server's side of suggestion mode (ADR 0095). A connection that may only
 * suggest sends updates that must leave the agreed text as it was and add suggestions signed
 * by that person only. Each update is tried on a shadow of the room's document (the doc plus
 * the appends in flight, from the room's ledger) and judged by the kind's rules (from the
 * registry, live-kinds.ts), comparing what the editor would show before and after, so it does
 * not matter how the editor encoded it. A refused update is neither stored nor relayed.
 */
export class SuggestGuard {
	private shadow: Y.Doc | null = null;
	/** The rules' reading of the shadow, kept between updates: typing pays for one reading. */
	private view: unknown = null;

	constructor(
		private readonly doc: Y.Doc,
		private readonly ledger: AppendLedger,
		/** Null for a kind without suggestion mode: nothing a suggest-only person sends passes. */
		private readonly rules: SuggestionRules | null
	) {
		doc.on('update', this.follow);
	}

	/** Accepts `update` when it only touches the sender's own suggestions. */
	judge(connection: Connection, update: Uint8Array): Verdict {
		const rules = this.rules;
		if (!rules) return this.refusal('no_suggestion_mode');
		const shadow = this.shadowDoc();
		const text = shadow.getXmlFragment(rules.field);
		const before = (this.view ??= rules.read(text));
		const pending = pendingOf(shadow);
		let outside = false;
		const watch = (transaction: Y.Transaction) => (outside ||= changesOutside(transaction, text));
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
					: rules.violation(before, (this.view = rules.read(text)), connection.actor.id);
		return reason === null ? ACCEPT : this.refusal(reason);
	}

	private refusal(reason: string): Verdict {
		this.reset();
		return refuse(CloseCode.SuggestionsOnly, reason, `suggestions only: ${reason}`);
	}

	/** Built on the first suggestion, then kept in step with every change of the room. */
	private shadowDoc(): Y.Doc {
		if (this.shadow) return this.shadow;
		const shadow = new Y.Doc();
		Y.applyUpdate(shadow, Y.encodeStateAsUpdate(this.doc));
		for (const update of this.ledger.updates()) Y.applyUpdate(shadow, update);
		shadow.on('update', () => (this.view = null));
		this.shadow = shadow;
		this.view = null;
		return shadow;
	}

	// Applying what the shadow already has changes nothing (Yjs updates are idempotent).
	private readonly follow = (update: Uint8Array) => {
		if (this.shadow) Y.applyUpdate(this.shadow, update);
	};

	private reset(): void {
		this.shadow?.destroy();
		this.shadow = null;
		this.view = null;
	}

	destroy(): void {
		this.doc.off('update', this.follow);
		this.reset();
	}
}

/** Whether a transaction touched anything but the text (another root type). */
function changesOutside(transaction: Y.Transaction, text: Y.XmlFragment): boolean {
	const field: unknown = text;
	for (const changed of transaction.changed.keys()) {
		let root = changed;
		while (root._item) root = root._item.parent as typeof root;
		if (root !== field) return true;
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
