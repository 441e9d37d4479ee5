import { Extension, type AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { LiveDocument } from '$lib/collab/provider.svelte';
import type { LiveUser } from '$lib/collab/presence';
import { renderCaret, renderSelection } from './caret';

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export interface LiveExtensionOptions {
	live: LiveDocument;
	/** The XmlFragment inside the Yjs document; several editors can share one document. */
	field: string;
	user: LiveUser;
	headingLevels: HeadingLevel[];
	/** Ctrl/Cmd+K: the toolbar opens its link form. */
	onLinkShortcut: () => void;
	extra?: AnyExtension[];
}

/**
 * The extensions of every live editor. Undo/redo come from the Collaboration extension (Yjs
 * undo manager: it undoes only your own changes), so StarterKit's history is off.
 */
export function liveExtensions(options: LiveExtensionOptions): AnyExtension[] {
	return [
		StarterKit.configure({
			undoRedo: false,
			heading: { levels: options.headingLevels },
			link: {
				openOnClick: false,
				autolink: true,
				defaultProtocol: 'https',
				protocols: ['mailto'],
				HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null }
			}
		}),
		Collaboration.configure({ document: options.live.doc, field: options.field }),
		CollaborationCaret.configure({
			provider: options.live.provider,
			user: { ...options.user },
			render: renderCaret,
			selectionRender: renderSelection
		}),
		Extension.create({
			name: 'linkShortcut',
			addKeyboardShortcuts: () => ({
				'Mod-k': () => {
					options.onLinkShortcut();
					return true;
				}
			})
		}),
		...(options.extra ?? [])
	];
}
