import * as Y from 'yjs';
import type { SuggestionRules } from '$lib/server/live-kinds';

/** The suggestions of a document as the rules read them: per kind and author, their text. */
type Suggested = Map<string, string>;

/** Reported when someone's suggestions shrank under another person's direct edit. */
export type SuggestionsDecided = (name: string, authorIds: string[], deciderId: string) => void;

/**
 * Notices when suggestions are accepted or rejected (issue 13): both happen in the editor as
 * a direct change by someone who may write, and both make the author's suggested text shrink.
 * The room calls `editorUpdate` around each such change; the reading is skipped while the
 * document holds no suggestion and the change adds none, so typing in a plain text pays nothing.
 */
export class SuggestionWatch {
	/** The suggestions now, or null when a change from elsewhere made them unknown. */
	private known: Suggested | null = null;

	constructor(
		private readonly name: string,
		private readonly doc: Y.Doc,
		private readonly rules: SuggestionRules,
		private readonly report: SuggestionsDecided
	) {}

	/** Any change the watch did not follow itself (load, other instances, suggesters). */
	forget(): void {
		this.known = null;
	}

	/** Applies `apply` (the editor's update) and reports whose suggestions it decided. */
	editorUpdate(update: Uint8Array, deciderId: string, apply: () => void): void {
		const before = this.known ?? this.read();
		if (before.size === 0 && !addsSuggestion(update)) {
			apply();
			this.known = before;
			return;
		}
		apply();
		const after = this.read();
		this.known = after;
		const authors = new Set<string>();
		for (const [key, text] of before) {
			const authorId = key.slice(key.indexOf('\u0000') + 1);
			if (authorId === '' || authorId === deciderId) continue;
			if ((after.get(key) ?? '').length < text.length) authors.add(authorId);
		}
		if (authors.size > 0) this.report(this.name, [...authors], deciderId);
	}

	/** Every text's suggestions (a section's and each action's, ADR 0207), keyed by text too. */
	private read(): Suggested {
		const all: Suggested = new Map();
		for (const name of this.doc.share.keys()) {
			if (!this.rules.isText(name)) continue;
			const view = this.rules.read(this.doc.getXmlFragment(name)) as { suggested?: Suggested };
			for (const [key, text] of view.suggested ?? []) all.set(`${name}\u0001${key}`, text);
		}
		return all;
	}
}

/** Whether an update formats anything as a suggestion (y-prosemirror stores marks as formats). */
function addsSuggestion(update: Uint8Array): boolean {
	try {
		return Y.decodeUpdate(update).structs.some(
			(struct) =>
				struct instanceof Y.Item &&
				struct.content instanceof Y.ContentFormat &&
				struct.content.key.startsWith('suggestion_')
		);
	} catch {
		return true;
	}
}
