import * as Y from 'yjs';
import type { EditorState } from '@tiptap/pm/state';
import {
	absolutePositionToRelativePosition,
	relativePositionToAbsolutePosition,
	ySyncPluginKey
} from '@tiptap/y-tiptap';

/**
 * Comment anchors as Yjs relative positions (y-tiptap's helpers): they point at characters,
 * not offsets, so a comment stays on its words however the text around it is edited. They
 * travel base64-encoded, as the comments form expects.
 */
interface Binding {
	type: Y.XmlFragment;
	doc: Y.Doc;
	mapping: Map<Y.AbstractType<unknown>, unknown>;
}

function bindingOf(state: EditorState): Binding | null {
	const sync = ySyncPluginKey.getState(state) as { binding?: Binding | null } | undefined;
	return sync?.binding ?? null;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export function encodeAnchor(state: EditorState, from: number, to: number) {
	const binding = bindingOf(state);
	if (!binding) return null;
	const encode = (pos: number) =>
		toBase64(
			Y.encodeRelativePosition(
				absolutePositionToRelativePosition(pos, binding.type, binding.mapping as never)
			)
		);
	return { anchorFrom: encode(from), anchorTo: encode(to) };
}

/** The anchor's current range, or null when its text has been deleted entirely. */
export function resolveAnchor(
	state: EditorState,
	anchor: { anchorFrom: string; anchorTo: string }
): { from: number; to: number } | null {
	const binding = bindingOf(state);
	if (!binding) return null;
	try {
		const at = (encoded: string) =>
			relativePositionToAbsolutePosition(
				binding.doc,
				binding.type,
				Y.decodeRelativePosition(fromBase64(encoded)),
				binding.mapping as never
			);
		const from = at(anchor.anchorFrom);
		const to = at(anchor.anchorTo);
		if (from === null || to === null || to <= from) return null;
		const size = state.doc.content.size;
		return { from: Math.min(from, size), to: Math.min(to, size) };
	} catch {
		// Anchors are data from the server; a damaged one hides its highlight, nothing else.
		return null;
	}
}
