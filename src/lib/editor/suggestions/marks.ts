import { Mark } from '@tiptap/core';

/**
 * The two marks of suggestion mode (track changes), named and shaped as
 * prosemirror-suggestion-mode expects (ADR 0091): text a partner proposes to add, and text they
 * propose to remove, each with its author. They are content, so they belong to the shared
 * section schema. Pasted HTML never creates them (no parse rules): nobody can paste a
 * suggestion signed by someone else.
 */
function suggestionMark(name: 'suggestion_insert' | 'suggestion_delete', tag: 'ins' | 'del') {
	return Mark.create({
		name,
		inclusive: false,
		excludes: name === 'suggestion_insert' ? 'suggestion_delete' : 'suggestion_insert',
		spanning: true,
		addAttributes: () => ({
			username: {
				default: '',
				renderHTML: (attributes) => ({ 'data-author': String(attributes.username ?? '') })
			},
			data: { default: null, rendered: false }
		}),
		parseHTML: () => [],
		renderHTML: ({ HTMLAttributes }) => [tag, { ...HTMLAttributes, class: `suggestion-${tag}` }, 0]
	});
}

export const SuggestionInsert = suggestionMark('suggestion_insert', 'ins');
export const SuggestionDelete = suggestionMark('suggestion_delete', 'del');

export const suggestionMarks = () => [SuggestionInsert, SuggestionDelete];
