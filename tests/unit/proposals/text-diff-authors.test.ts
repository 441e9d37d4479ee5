import { describe, expect, it } from 'vitest';
import { diffTexts } from '../../../src/lib/proposals/text-diff';
import { plainText, plainTextRuns, type PmNode } from '../../../src/lib/proposals/section-text';

const authored = (text: string, author: string): PmNode => ({
	type: 'text',
	text,
	marks: [{ type: 'author', attrs: { author } }]
});

describe('word diff with authors', () => {
	const after: PmNode = {
		type: 'doc',
		content: [
			{ type: 'paragraph', content: [authored('Giovani ', 'anna'), authored('NEET ', 'bruno')] },
			{ type: 'paragraph', content: [authored('e adulti.', 'anna')] }
		]
	};

	it('reads the same plain text with or without authors', () => {
		expect(
			plainTextRuns(after)
				.map((r) => r.text)
				.join('')
		).toBe(plainText(after));
		expect(plainText(after)).toBe('Giovani NEET \ne adulti.');
	});

	it('names the author of each inserted run, cut where the author changes', () => {
		const { changes, inserted } = diffTexts('Giovani', plainTextRuns(after));
		expect(changes).toEqual([
			{ kind: 'same', text: 'Giovani' },
			{ kind: 'insert', text: ' ', author: 'anna' },
			{ kind: 'insert', text: 'NEET ', author: 'bruno' },
			{ kind: 'insert', text: '\n' },
			{ kind: 'insert', text: 'e adulti.', author: 'anna' }
		]);
		expect(inserted).toBe(plainText(after).length - 'Giovani'.length);
	});
});
