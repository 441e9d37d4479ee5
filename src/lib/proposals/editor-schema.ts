import { getSchema, type AnyExtension } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import type { Schema } from '@tiptap/pm/model';
import { suggestionMarks } from '../editor/suggestions/marks';
import { TEXT_FIELD } from '../editor/suggestions/text-field';
import { MentionNode } from '../editor/mention-node';

/**
 * The extensions a proposal section adds to the shared LiveEditor (which brings StarterKit,
 * Collaboration and carets): tables, and the comment/suggestion marks the canvas adds here.
 * Pass them as the editor's `extensions`; the server builds its schema from the same list.
 */
export function sectionEditorExtras(): AnyExtension[] {
	return [TableKit.configure({ table: { resizable: false } }), ...suggestionMarks()];
}

/**
 * The content schema of a section as the LiveEditor produces it (src/lib/editor/extensions.ts:
 * StarterKit with its link settings) plus the extras, so server-side reads, writes, versions
 * and exports agree with the browser. Behaviour-only extensions (carets) do not change it.
 */
export function sectionContentExtensions(): AnyExtension[] {
	return [
		StarterKit.configure({
			undoRedo: false,
			link: {
				openOnClick: false,
				autolink: true,
				defaultProtocol: 'https',
				protocols: ['mailto'],
				// A pasted `javascript:` link is dropped by the schema: nothing executes.
				HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null }
			}
		}),
		...sectionEditorExtras(),
		// Every LiveEditor adds mentions (with its "@" list); the schema needs the node alone.
		MentionNode
	];
}

/** The Y.XmlFragment that holds a section's rich text (the LiveEditor's default field). */
export const SECTION_FRAGMENT = TEXT_FIELD;

let cached: Schema | undefined;

export function sectionSchema(): Schema {
	cached ??= getSchema(sectionContentExtensions());
	return cached;
}
