import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { suggestionPluginKey, suggestionTransactionKey } from 'prosemirror-suggestion-mode';
import { agreedTextOfNode, suggestionViolation } from './agreed-text';

const vetoKey = new PluginKey('suggestion-veto');

const isRemote = (tr: Transaction) =>
	(tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;

/**
 * Not a keystroke to judge: someone else's change, or a deliberate direct one (accepting or
 * rejecting in the suggestions panel; the server decides whether this person may).
 */
const isExempt = (tr: Transaction) =>
	isRemote(tr) ||
	(tr.getMeta(suggestionTransactionKey) as { skipSuggestionOperation?: boolean } | undefined)
		?.skipSuggestionOperation === true;

/**
 * The server accepts from a person who may only suggest nothing but their own suggestions
 * (ADR 0095) and closes the connection otherwise. Suggestion mode has corners where a keystroke
 * is not one (typing inside someone else's proposal takes their mark; deleting inside a
 * proposed deletion really deletes): such a change is undone here, after suggestion mode has
 * marked it, so it never leaves the editor.
 */
export function suggestionVeto(authorId: string): Plugin {
	return new Plugin({
		key: vetoKey,
		appendTransaction(transactions, oldState: EditorState, newState: EditorState) {
			if (!suggestionPluginKey.getState(newState)?.inSuggestionMode) return null;
			if (!transactions.some((tr) => tr.docChanged)) return null;
			// Suggestion mode's own marking is appended to the person's transaction: judge theirs.
			const own = transactions.filter((tr) => !tr.getMeta('appendedTransaction'));
			if (own.length === 0 || own.some(isExempt)) return null;
			const before = agreedTextOfNode(oldState.doc);
			const after = agreedTextOfNode(newState.doc);
			if (suggestionViolation(before, after, authorId) === null) return null;
			return newState.tr
				.replaceWith(0, newState.doc.content.size, oldState.doc.content)
				.setMeta(vetoKey, true)
				.setMeta(suggestionTransactionKey, { skipSuggestionOperation: true })
				.setMeta('addToHistory', false);
		}
	});
}
