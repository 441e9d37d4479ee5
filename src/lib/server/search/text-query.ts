import { sql, type SQL } from 'drizzle-orm';

/** At most this many words of a query count: a pasted paragraph is not a search. */
const MAX_WORDS = 8;

/** The words of a query: letters and digits only, so no tsquery syntax can be injected. */
export function queryWords(q: string): string[] {
	return q.match(/[\p{L}\p{N}]+/gu)?.slice(0, MAX_WORDS) ?? [];
}

/**
 * The tsquery for what a person typed (ADR 0062, 0140): whole words stemmed in Italian (_tirocini_
 * finds _tirocinio_) or every word as a prefix in the simple configuration (_monit_ finds
 * _monitoraggio_, names and acronyms are not stemmed away); both strip accents, as the stored
 * vectors do (`tavolo_search_vector`). Undefined when nothing searchable was typed.
 */
export function searchQuery(q: string): SQL | undefined {
	const words = queryWords(q);
	if (words.length === 0) return undefined;
	const prefixes = words.map((word) => `${word.toLowerCase()}:*`).join(' & ');
	return sql`(websearch_to_tsquery('tavolo_it', ${words.join(' ')}) || to_tsquery('tavolo_simple', ${prefixes}))`;
}
