import type { Editor } from '@tiptap/core';

/**
 * The selected text of the minutes and the agenda item it sits under: the nearest level-2
 * heading before it, whose "N. title" gives the item's position (headings were pre-filled so).
 */
export function selectedPassage(editor: Editor): { text: string; agendaPosition: number | null } {
	const { from, to } = editor.state.selection;
	const text = editor.state.doc.textBetween(from, to, ' ').trim();
	let agendaPosition: number | null = null;
	editor.state.doc.nodesBetween(0, from, (node, pos) => {
		if (node.type.name === 'heading' && node.attrs.level === 2 && pos < from) {
			const match = /^(\d+)\./.exec(node.textContent);
			if (match) agendaPosition = Number(match[1]);
		}
		return node.type.name === 'doc';
	});
	return { text, agendaPosition };
}
