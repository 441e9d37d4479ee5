import type { Editor } from '@tiptap/core';
import { m } from '$lib/paraglide/messages';
import type { HeadingLevel } from './extensions';

/**
 * The toolbar's buttons as data: label, the shortcut they share with the keyboard, whether they
 * are "on" (aria-pressed) and what they do. `toggle: false` buttons are actions, not states.
 */
export interface ToolbarAction {
	key: string;
	label: () => string;
	icon: string;
	/** Shown in the tooltip and in aria-keyshortcuts. */
	shortcut?: string;
	toggle: boolean;
	isActive: (editor: Editor) => boolean;
	isEnabled: (editor: Editor) => boolean;
	run: (editor: Editor) => void;
}

const always = () => true;
const never = () => false;

export function toolbarActions(headings: [HeadingLevel, HeadingLevel]): ToolbarAction[][] {
	const [title, subtitle] = headings;
	return [
		[
			{
				key: 'bold',
				label: () => m.collab_bold(),
				icon: 'bold',
				shortcut: 'Control+B',
				toggle: true,
				isActive: (e) => e.isActive('bold'),
				isEnabled: (e) => e.can().toggleBold(),
				run: (e) => e.chain().focus().toggleBold().run()
			},
			{
				key: 'italic',
				label: () => m.collab_italic(),
				icon: 'italic',
				shortcut: 'Control+I',
				toggle: true,
				isActive: (e) => e.isActive('italic'),
				isEnabled: (e) => e.can().toggleItalic(),
				run: (e) => e.chain().focus().toggleItalic().run()
			}
		],
		[
			{
				key: 'heading-title',
				label: () => m.collab_heading_2(),
				icon: 'h1',
				shortcut: `Control+Alt+${title}`,
				toggle: true,
				isActive: (e) => e.isActive('heading', { level: title }),
				isEnabled: always,
				run: (e) => e.chain().focus().toggleHeading({ level: title }).run()
			},
			{
				key: 'heading-subtitle',
				label: () => m.collab_heading_3(),
				icon: 'h2',
				shortcut: `Control+Alt+${subtitle}`,
				toggle: true,
				isActive: (e) => e.isActive('heading', { level: subtitle }),
				isEnabled: always,
				run: (e) => e.chain().focus().toggleHeading({ level: subtitle }).run()
			}
		],
		[
			{
				key: 'bullet-list',
				label: () => m.collab_bullet_list(),
				icon: 'bullets',
				shortcut: 'Control+Shift+8',
				toggle: true,
				isActive: (e) => e.isActive('bulletList'),
				isEnabled: always,
				run: (e) => e.chain().focus().toggleBulletList().run()
			},
			{
				key: 'ordered-list',
				label: () => m.collab_ordered_list(),
				icon: 'numbers',
				shortcut: 'Control+Shift+7',
				toggle: true,
				isActive: (e) => e.isActive('orderedList'),
				isEnabled: always,
				run: (e) => e.chain().focus().toggleOrderedList().run()
			}
		],
		[
			{
				key: 'undo',
				label: () => m.collab_undo(),
				icon: 'undo',
				shortcut: 'Control+Z',
				toggle: false,
				isActive: never,
				isEnabled: (e) => e.can().undo(),
				run: (e) => e.chain().focus().undo().run()
			},
			{
				key: 'redo',
				label: () => m.collab_redo(),
				icon: 'redo',
				shortcut: 'Control+Y',
				toggle: false,
				isActive: never,
				isEnabled: (e) => e.can().redo(),
				run: (e) => e.chain().focus().redo().run()
			}
		]
	];
}
