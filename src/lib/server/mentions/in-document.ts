import * as Y from 'yjs';
import { MENTION_NODE } from '../../editor/mention-node';

/** Walks an XML tree, collecting the `id` of every mention element. */
function collect(node: Y.XmlFragment | Y.XmlElement, into: Set<string>): void {
	for (const child of node.toArray()) {
		if (!(child instanceof Y.XmlElement)) continue;
		if (child.nodeName === MENTION_NODE) {
			const id = child.getAttribute('id');
			if (typeof id === 'string' && id) into.add(id);
		} else {
			collect(child, into);
		}
	}
}

/**
 * The people mentioned anywhere in a live document, read from the stored Yjs state (every XML
 * fragment: a proposal keeps one per section, a lab board its notes). What the client claims
 * plays no part: the server reads the document it stored.
 */
export function mentionedIn(doc: Y.Doc): Set<string> {
	const ids = new Set<string>();
	for (const [name, type] of [...doc.share]) {
		// A document read from storage has untyped roots until asked for by their class; a map
		// (a lab board's cards) has no list start, and is never read as a fragment.
		const untyped = Object.getPrototypeOf(type) === Y.AbstractType.prototype;
		const untypedList = untyped && type._start !== null;
		if (type instanceof Y.XmlFragment || untypedList) collect(doc.getXmlFragment(name), ids);
	}
	return ids;
}
