import type { Editor } from '@tiptap/core';

/**
 * Editor state lives outside Svelte. Reading `revision.value` inside a `$derived` makes it
 * re-derive after every transaction (selection moves, remote edits, undo), so toolbar states
 * such as aria-pressed stay true to the text. Call `destroy()` (or use in `onMount`'s cleanup).
 */
export class EditorRevision {
	value = $state(0);
	private readonly bump = () => {
		this.value++;
	};

	constructor(private readonly editor: Editor) {
		editor.on('transaction', this.bump);
	}

	destroy() {
		this.editor.off('transaction', this.bump);
	}
}
