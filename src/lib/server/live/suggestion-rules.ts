import type * as Y from 'yjs';
import {
	agreedText,
	suggestionViolation,
	type AgreedText
} from '../../editor/suggestions/agreed-text';
import { TEXT_FIELD } from '../../editor/suggestions/text-field';

/**
 * How the collaboration server judges an update of someone who may only suggest, for a kind
 * of live document with suggestion mode: the root type that holds the text, what of it counts
 * (read before and after the update), and whether the change was only the person's own
 * suggestions. The server knows no editor: each kind brings its rules through the registry.
 */
export interface SuggestionRules<View = unknown> {
	/** The Yjs XML fragment with the text; a change to any other root type is refused. */
	field: string;
	read(fragment: Y.XmlFragment): View;
	/** Why the change from `before` to `after` is not only `personId`'s suggestions; null if it is. */
	violation(before: View, after: View, personId: string): string | null;
}

/** The rich-text editor's suggestion mode (ADR 0095): proposal sections and meeting minutes. */
export const richTextSuggestions: SuggestionRules<AgreedText> = {
	field: TEXT_FIELD,
	read: agreedText,
	violation: suggestionViolation
};
