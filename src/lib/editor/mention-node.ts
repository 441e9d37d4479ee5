import Mention from '@tiptap/extension-mention';

/** The node name a mention takes in ProseMirror and in the Yjs document (an XmlElement). */
export const MENTION_NODE = 'mention';

/** How a mention reads as text: search, exports and the plain-text copies. */
export function mentionText(label: unknown): string {
	return `@${typeof label === 'string' ? label : ''}`;
}

/**
 * The mention node as the schema knows it (ADR 0180): attributes `id` (the person) and `label`
 * (their name when mentioned). The browser adds the suggestion list on top of it
 * (`mention-suggestion.ts`); the server builds its schema from this alone.
 */
export const MentionNode = Mention.configure({
	HTMLAttributes: { class: 'mention' },
	renderText: ({ node }) => mentionText(node.attrs.label),
	renderHTML: ({ options, node }) => [
		'span',
		{ ...options.HTMLAttributes, 'data-person-id': node.attrs.id },
		mentionText(node.attrs.label)
	]
});
