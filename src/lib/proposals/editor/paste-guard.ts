import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import { MAX_SECTION_CHARS } from '$lib/proposals/limits';

export interface PasteGuardOptions {
	/** Told the size when a paste is refused, so the page can say why (nothing is inserted). */
	onRefused: (pastedChars: number) => void;
}

/**
 * Refuses a paste that would take the section past the most text a section may hold (the
 * server refuses to store it anyway). The text already there stays as it was, and the pasted
 * text is still on the clipboard: nothing is lost.
 */
export const PasteGuard = Extension.create<PasteGuardOptions>({
	name: 'pasteGuard',
	addOptions: () => ({ onRefused: () => {} }),
	addProseMirrorPlugins() {
		const { onRefused } = this.options;
		return [
			new Plugin({
				props: {
					handlePaste(view, event) {
						const text = event.clipboardData?.getData('text/plain') ?? '';
						const html = event.clipboardData?.getData('text/html') ?? '';
						const pasted = text.length || html.length;
						if (view.state.doc.textContent.length + pasted <= MAX_SECTION_CHARS) return false;
						onRefused(pasted);
						return true;
					}
				}
			})
		];
	}
});
