import { Extension } from '@tiptap/core';
import type { Node } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/** The minutes carry one level-2 heading per agenda item, "N. title" (buildMinutesDoc). */
export const AGENDA_HEADING_LEVEL = 2;

function agendaHeadingsOf(doc: Node): Node[] {
	const headings: Node[] = [];
	doc.forEach((node) => {
		if (node.type.name === 'heading' && node.attrs.level === AGENDA_HEADING_LEVEL) {
			headings.push(node);
		}
	});
	return headings;
}

const isRemote = (tr: Transaction) =>
	(tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;

/**
 * The agenda headings are the verbale's skeleton: typing cannot change, split, restyle, remove
 * or add one (Enter at the end of a heading still opens a paragraph under it). A local change
 * that would is dropped before it reaches the document; changes from others are never judged
 * here, so every copy stays in step, and approval checks the structure again on the server.
 */
export function agendaHeadingsPlugin(): Plugin {
	return new Plugin({
		key: new PluginKey('agenda-headings'),
		filterTransaction(tr, state) {
			if (!tr.docChanged || isRemote(tr)) return true;
			const before = agendaHeadingsOf(state.doc);
			const after = agendaHeadingsOf(tr.doc);
			return before.length === after.length && before.every((node, i) => node.eq(after[i]));
		}
	});
}

export const AgendaHeadings = Extension.create({
	name: 'agendaHeadings',
	addProseMirrorPlugins: () => [agendaHeadingsPlugin()]
});
