import { describe, expect, it } from 'vitest';
import { MATCH_END, MATCH_START, snippetParts } from '../../../src/lib/search/kinds';
import { queryWords } from '../../../src/lib/server/search/text-query';

describe('search snippets and query words', () => {
	it('cuts a headline into plain and matched runs', () => {
		const snippet = `Attività di ${MATCH_START}tirocinio${MATCH_END} e di ${MATCH_START}tutoring${MATCH_END}`;
		expect(snippetParts(snippet)).toEqual([
			{ text: 'Attività di ', match: false },
			{ text: 'tirocinio', match: true },
			{ text: ' e di ', match: false },
			{ text: 'tutoring', match: true }
		]);
	});

	it('keeps markup in the text as text', () => {
		const parts = snippetParts(`<img src=x onerror=alert(1)> ${MATCH_START}ok${MATCH_END}`);
		expect(parts[0]).toEqual({ text: '<img src=x onerror=alert(1)> ', match: false });
		expect(parts[1]).toEqual({ text: 'ok', match: true });
	});

	it('drops a stray end marker and survives an unclosed start marker', () => {
		expect(snippetParts(`a${MATCH_END}b`)).toEqual([{ text: 'ab', match: false }]);
		expect(snippetParts(`a${MATCH_START}b`)).toEqual([
			{ text: 'a', match: false },
			{ text: 'b', match: true }
		]);
	});

	it('keeps only letters and digits of a query, at most eight words', () => {
		expect(queryWords("l'attività: monit* & !città | 2026")).toEqual([
			'l',
			'attività',
			'monit',
			'città',
			'2026'
		]);
		expect(queryWords('a b c d e f g h i j')).toHaveLength(8);
		expect(queryWords(' &|!:* ')).toEqual([]);
	});
});
