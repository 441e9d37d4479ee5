import type { Editor } from '@tiptap/core';
import { layoutChars, type PmNode } from '$lib/proposals/section-text';

/**
 * Reports the editor's length as the export lays the text out (ADR 0199) — the same figure the
 * server's overview gives — now and on every change; returns the cleanup for an `$effect`.
 * Both a section's text and each action's text (ADR 0207) count this way.
 */
export function followLayoutChars(editor: Editor, report: (chars: number) => void): () => void {
	const count = () => report(layoutChars(editor.getJSON() as PmNode));
	count();
	editor.on('update', count);
	return () => {
		editor.off('update', count);
	};
}
