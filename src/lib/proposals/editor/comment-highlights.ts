import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { resolveAnchor } from './comment-anchors';

export interface AnchoredThread {
	id: string;
	anchorFrom: string;
	anchorTo: string;
	resolved: boolean;
}

interface HighlightState {
	threads: AnchoredThread[];
	activeId: string | null;
	decorations: DecorationSet;
}

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights');

function build(state: EditorState, threads: AnchoredThread[], activeId: string | null) {
	const decorations = threads
		.filter((thread) => !thread.resolved)
		.flatMap((thread) => {
			const range = resolveAnchor(state, thread);
			if (!range) return [];
			return [
				Decoration.inline(range.from, range.to, {
					class: thread.id === activeId ? 'comment-anchor active' : 'comment-anchor',
					'data-thread-id': thread.id
				})
			];
		});
	return DecorationSet.create(state.doc, decorations);
}

/**
 * Highlights the commented ranges. Relative positions are turned into absolute ones when the
 * threads change and whenever Yjs applies someone else's change; local typing just maps the
 * decorations, which is exact and cheap.
 */
export const CommentHighlights = Extension.create({
	name: 'commentHighlights',
	addProseMirrorPlugins() {
		return [
			new Plugin<HighlightState>({
				key: commentHighlightsKey,
				state: {
					init: () => ({ threads: [], activeId: null, decorations: DecorationSet.empty }),
					apply(tr: Transaction, value, _old, state) {
						const meta = tr.getMeta(commentHighlightsKey) as
							Partial<Pick<HighlightState, 'threads' | 'activeId'>> | undefined;
						const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
						if (meta || sync?.isChangeOrigin) {
							const threads = meta?.threads ?? value.threads;
							const activeId = meta?.activeId !== undefined ? meta.activeId : value.activeId;
							return { threads, activeId, decorations: build(state, threads, activeId) };
						}
						if (!tr.docChanged) return value;
						return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) };
					}
				},
				props: {
					decorations: (state) => commentHighlightsKey.getState(state)?.decorations
				}
			})
		];
	}
});
