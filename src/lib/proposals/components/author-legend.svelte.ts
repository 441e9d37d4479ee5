import { getContext, setContext } from 'svelte';
import { m } from '$lib/paraglide/messages';
import { authorStyle, type AuthorSummary } from '$lib/proposals/authorship';

const KEY = Symbol('author-legend');

/**
 * The authors of one "who wrote what" view, shared with the text rendered inside it
 * (PmNodeView) without threading them through every node; `focus` highlights one author.
 */
export class AuthorLegend {
	focus = $state<string | null>(null);

	constructor(readonly authors: AuthorSummary[]) {}

	/** A handful of authors per view: a scan is all it takes. */
	get(key: string): AuthorSummary | undefined {
		return this.authors.find((author) => author.key === key);
	}

	/** Inline CSS variables of an author's colours and line. */
	style(author: AuthorSummary): string {
		const { tag, tint, line } = authorStyle(author.style);
		return `--author-tag: ${tag}; --author-tint: ${tint}; --author-line: ${line}`;
	}
}

export function authorName(author: AuthorSummary): string {
	if (author.kind === 'tavolo') return m.authorship_tavolo();
	if (author.kind === 'unknown') return m.authorship_unknown();
	if (author.kind === 'former' || !author.name) return m.authorship_former();
	return author.organisation ? `${author.name} (${author.organisation})` : author.name;
}

export const provideAuthorLegend = (legend: AuthorLegend) => setContext(KEY, legend);
export const authorLegend = () => getContext<AuthorLegend | undefined>(KEY);
