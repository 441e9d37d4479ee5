import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import {
	suggestionModePlugin,
	suggestionPluginKey,
	suggestionTransactionKey
} from 'prosemirror-suggestion-mode';
import { suggestionVeto } from './veto';

export interface SuggestionModeOptions {
	/** On: every change the person makes becomes a marked proposal with their name. */
	enabled: boolean;
	author: { id: string; name: string };
}

/**
 * Suggestion mode over live editing. The plugin turns each local change into marked
 * insertions/deletions after the fact (appendTransaction). Changes arriving from other people
 * through Yjs are theirs, already marked or not as they made them: they are flagged so the
 * plugin never re-signs them with this person's name.
 */
export const SuggestionMode = Extension.create<SuggestionModeOptions>({
	name: 'suggestionMode',
	addOptions: () => ({ enabled: false, author: { id: '', name: '' } }),
	addProseMirrorPlugins() {
		const plugin = suggestionModePlugin({
			inSuggestionMode: this.options.enabled,
			username: this.options.author.name,
			data: { authorId: this.options.author.id },
			// The canvas lists suggestions in its own accessible panel instead of hover menus.
			hoverMenuOptions: { disabled: true }
		});
		// With the hover menu off the library's plugin view is `null`, which ProseMirror cannot
		// update (1.0.79): the same plugin without a view.
		// After it, the veto: what suggestion mode could not turn into a suggestion stays here.
		return [
			new Plugin({ ...plugin.spec, view: undefined }),
			suggestionVeto(this.options.author.id)
		];
	},
	dispatchTransaction({ transaction, next }) {
		const sync = transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
		if (sync?.isChangeOrigin) {
			transaction.setMeta(suggestionTransactionKey, { skipSuggestionOperation: true });
		}
		next(transaction);
	}
});

/** Whether the editor currently turns changes into suggestions. */
export function inSuggestionMode(state: Parameters<typeof suggestionPluginKey.getState>[0]) {
	return suggestionPluginKey.getState(state)?.inSuggestionMode ?? false;
}
