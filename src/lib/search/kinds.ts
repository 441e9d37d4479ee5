/** What search across everything finds (ADR 0140); case records never are. */
export const SEARCH_KINDS = [
	'section',
	'minutes',
	'decision',
	'action_item',
	'organisation',
	'lab'
] as const;

export type SearchKind = (typeof SEARCH_KINDS)[number];

export const isSearchKind = (value: string): value is SearchKind =>
	(SEARCH_KINDS as readonly string[]).includes(value);

/** ts_headline marks a match between these (control characters no text typed in Tavolo holds). */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/** A snippet cut into plain and matched runs, for the page to render as text, never as HTML. */
export function snippetParts(snippet: string): { text: string; match: boolean }[] {
	const parts: { text: string; match: boolean }[] = [];
	for (const [index, piece] of snippet.split(MATCH_START).entries()) {
		const [matched, rest] = index === 0 ? [null, piece] : splitOnce(piece, MATCH_END);
		if (matched) parts.push({ text: matched, match: true });
		if (rest) parts.push({ text: rest.replaceAll(MATCH_END, ''), match: false });
	}
	return parts;
}

function splitOnce(text: string, separator: string): [string, string] {
	const at = text.indexOf(separator);
	return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}
