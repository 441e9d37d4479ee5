/**
 * "Who wrote what" as the browser shows it (ADR 0056): text nodes carry an `author` mark whose
 * `author` attribute keys into a list of authors; each author has a colour, a line style and a
 * short tag, so a passage's author is told by its name, never by colour alone.
 */
export const AUTHOR_MARK = 'author';
/** Key of text stored before attribution existed. */
export const UNKNOWN_AUTHOR = 'unknown';

export type AuthorKind = 'person' | 'tavolo' | 'former' | 'unknown';

export interface AuthorSummary {
	key: string;
	kind: AuthorKind;
	/** The person's name; null for Tavolo, unknown and former people (labelled by kind). */
	name: string | null;
	organisation: string | null;
	/** Initials shown in the text before each passage (unique within one view). */
	tag: string;
	/** Characters of visible text written, over all sections shown. */
	chars: number;
	/** Index into AUTHOR_STYLES. */
	style: number;
}

/**
 * Tag colours carry white text (contrast ≥ 4.5:1), tints carry the body text colour (≥ 4.5:1),
 * checked by tests/unit/proposals/authorship-palette.test.ts. The line style changes every
 * colour round, so two authors differ by more than hue.
 */
export const AUTHOR_COLOURS: readonly { tag: string; tint: string }[] = [
	{ tag: '#0b5cad', tint: '#e3effb' },
	{ tag: '#a3410f', tint: '#fbe9df' },
	{ tag: '#0f7a4f', tint: '#e0f3ea' },
	{ tag: '#8e2b8e', tint: '#f5e4f5' },
	{ tag: '#9a1f40', tint: '#fbeaf0' },
	{ tag: '#5b5f00', tint: '#eff0d6' },
	{ tag: '#0d6e7a', tint: '#dff1f3' },
	{ tag: '#5a4a9c', tint: '#eae6f7' }
];
export const AUTHOR_LINES = ['solid', 'dashed', 'dotted', 'double'] as const;

export function authorStyle(index: number): { tag: string; tint: string; line: string } {
	const colour = AUTHOR_COLOURS[index % AUTHOR_COLOURS.length];
	const line = AUTHOR_LINES[Math.floor(index / AUTHOR_COLOURS.length) % AUTHOR_LINES.length];
	return { ...colour, line };
}

/** "Marco Colombo" → "MC"; a second "MC" becomes "MC2". */
export function authorTags(names: readonly string[]): string[] {
	const seen = new Map<string, number>();
	return names.map((name) => {
		const initials =
			name
				.split(/\s+/)
				.filter(Boolean)
				.map((word) => word[0]!.toLocaleUpperCase('it'))
				.join('')
				.slice(0, 3) || '?';
		const count = (seen.get(initials) ?? 0) + 1;
		seen.set(initials, count);
		return count === 1 ? initials : `${initials}${count}`;
	});
}
