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
	/**
	 * The rules' reading of each text of the shadow (a section has its main text and one per
	 * action, ADR 0207), kept between updates and dropped for a text when it changes: typing
	 * pays for one reading of the text typed in.
	 */
	private readonly views = new Map<string, unknown>();

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
		const before = new Map<string, unknown>();
		for (const name of shadow.share.keys()) {
			if (rules.isText(name)) before.set(name, this.viewOf(shadow, rules, name));
		}
		const pending = pendingOf(shadow);
		const touched = new Set<string>();
		const watch = (transaction: Y.Transaction) => {
			for (const name of changedRoots(transaction)) touched.add(name);
		};
		shadow.on('afterTransaction', watch);
		try {
			Y.applyUpdate(shadow, update);
		} catch (error) {
			this.reset();
			throw error;
		} finally {
			shadow.off('afterTransaction', watch);
		}
		if (pendingOf(shadow) !== pending) return this.refusal('unknown_dependencies');
		for (const name of touched) {
			if (!rules.isText(name)) return this.refusal('outside_the_text');
		}
		for (const name of touched) {
			let after: unknown;
			try {
				// A text holds children only: keyed entries (a map written under a text's name)
				// are no suggestion, though no reading of the text would see them.
				if (shadow.getXmlFragment(name)._map.size > 0) return this.refusal('outside_the_text');
				after = this.viewOf(shadow, rules, name);
			} catch {
				// A root of a text's name defined as another type: not a suggestion either.
				return this.refusal('outside_the_text');
			}
			// A text the update opened (an action's first words) was empty before.
			const reason = rules.violation(
				before.has(name) ? before.get(name) : rules.read(new Y.Doc().getXmlFragment(name)),
				after,
				connection.actor.id
			);
			if (reason !== null) return this.refusal(reason);
		}
		return ACCEPT;
	}

	private viewOf(shadow: Y.Doc, rules: SuggestionRules, name: string): unknown {
		if (!this.views.has(name)) this.views.set(name, rules.read(shadow.getXmlFragment(name)));
		return this.views.get(name);
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
		shadow.on('afterTransaction', (transaction: Y.Transaction) => {
			for (const name of changedRoots(transaction)) this.views.delete(name);
		});
		this.shadow = shadow;
		this.views.clear();
		return shadow;
	}

	// Applying what the shadow already has changes nothing (Yjs updates are idempotent).
	private readonly follow = (update: Uint8Array) => {
		if (this.shadow) Y.applyUpdate(this.shadow, update);
	};

	private reset(): void {
		this.shadow?.destroy();
		this.shadow = null;
		this.views.clear();
	}

	destroy(): void {
		this.doc.off('update', this.follow);
		this.reset();
	}
}

/** The names of the root types a transaction changed. */
function changedRoots(transaction: Y.Transaction): Set<string> {
	const names = new Set<string>();
	for (const changed of transaction.changed.keys()) {
		let root = changed;
		while (root._item) root = root._item.parent as typeof root;
		names.add(Y.findRootTypeKey(root));
	}
	return names;
}

/** Structs or deletions waiting for something the server never received. */
function pendingOf(doc: Y.Doc): string {
	const { pendingStructs, pendingDs } = doc.store;
	const bytes = (update: Uint8Array | null | undefined) =>
		update ? Buffer.from(update).toString('base64') : '';
	return `${bytes(pendingStructs?.update)}|${bytes(pendingDs)}`;
}
