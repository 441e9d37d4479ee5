import type * as Y from 'yjs';
import {
	agreedText,
	suggestionViolation,
	type AgreedText
} from '../../editor/suggestions/agreed-text';
import { TEXT_FIELD } from '../../editor/suggestions/text-field';
import { isActionField } from '../../proposals/section-kinds';

/**
 * How the collaboration server judges an update of someone who may only suggest, for a kind
 * of live document with suggestion mode: the root type that holds the text, what of it counts
 * (read before and after the update), and whether the change was only the person's own
 * suggestions. The server knows no editor: each kind brings its rules through the registry.
 */
export interface SuggestionRules<View = unknown> {
	/**
	 * Whether the root type of this name is a Yjs XML fragment with text the rules judge (a
	 * section's main text and its per-action texts, ADR 0198/0207); a change to any other root
	 * type is refused.
	 */
	isText(rootName: string): boolean;
	read(fragment: Y.XmlFragment): View;
	/** Why the change from `before` to `after` is not only `personId`'s suggestions; null if it is. */
	violation(before: View, after: View, personId: string): string | null;
}

/** The rich-text editor's suggestion mode (ADR 0095): meeting minutes, one text. */
export const richTextSuggestions: SuggestionRules<AgreedText> = {
	isText: (rootName) => rootName === TEXT_FIELD,
	read: agreedText,
	violation: suggestionViolation
};

/**
 * A proposal section: its main text and each action's text (`action:<id>`, ADR 0198), judged
 * alike, fragment by fragment (ADR 0207).
 */
export const sectionSuggestions: SuggestionRules<AgreedText> = {
	...richTextSuggestions,
	isText: (rootName) => rootName === TEXT_FIELD || isActionField(rootName)
};
