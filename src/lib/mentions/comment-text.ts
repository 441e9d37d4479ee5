/**
 * A mention inside a comment's plain text: `@[Name](person-uuid)`. The composer writes it
 * (TipTap's mention node, serialised), the server reads it when the comment is stored, and the
 * thread shows it as "@Name" (ADR 0180).
 */
const TOKEN =
	/@\[([^\]\n]{1,120})\]\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/g;

export function mentionToken(label: string, personId: string): string {
	return `@[${label.replace(/[[\]\n]/g, ' ').trim()}](${personId})`;
}

/** The people a comment's text mentions, each once. */
export function mentionedInText(text: string): string[] {
	return [...new Set([...text.matchAll(TOKEN)].map((match) => match[2]))];
}

export type CommentPart = { text: string } | { mention: string; personId: string };

/** The text cut into plain runs and mentions, for showing it. */
export function commentParts(text: string): CommentPart[] {
	const parts: CommentPart[] = [];
	let at = 0;
	for (const match of text.matchAll(TOKEN)) {
		if (match.index > at) parts.push({ text: text.slice(at, match.index) });
		parts.push({ mention: `@${match[1]}`, personId: match[2] });
		at = match.index + match[0].length;
	}
	if (at < text.length) parts.push({ text: text.slice(at) });
	return parts;
}

/** The text as people read it: every mention as "@Name" (mails, exports, search). */
export function commentPlainText(text: string): string {
	return text.replace(TOKEN, (_, label: string) => `@${label}`);
}
