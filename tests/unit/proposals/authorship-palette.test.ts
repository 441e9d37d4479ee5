import { describe, expect, it } from 'vitest';
import { AUTHOR_COLOURS, authorStyle, authorTags } from '../../../src/lib/proposals/authorship';

/** WCAG 2.1 relative luminance and contrast ratio. */
function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => {
		const c = parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

const BODY_TEXT = '#1a1a1a'; // --it-color-text-base
const LINK = '#0066cc'; // --it-color-link-base

describe('author colours', () => {
	it.each(AUTHOR_COLOURS.map((c) => [c.tag, c.tint]))(
		'%s tags and %s passages keep text readable (≥ 4.5:1)',
		(tag, tint) => {
			expect(contrast('#ffffff', tag)).toBeGreaterThanOrEqual(4.5);
			expect(contrast(BODY_TEXT, tint)).toBeGreaterThanOrEqual(4.5);
			expect(contrast(LINK, tint)).toBeGreaterThanOrEqual(4.5);
			// The tag's colour also underlines passages on white: a visible, non-text contrast.
			expect(contrast(tag, '#ffffff')).toBeGreaterThanOrEqual(3);
		}
	);

	it('changes the line style once the colours are used up', () => {
		const n = AUTHOR_COLOURS.length;
		expect(authorStyle(0).tag).toBe(authorStyle(n).tag);
		expect(authorStyle(0).line).not.toBe(authorStyle(n).line);
	});
});

describe('author tags', () => {
	it('uses initials and numbers a repeated one', () => {
		expect(authorTags(['Marco Colombo', 'Giulia Ferraris', 'Maria Conti', 'Tavolo'])).toEqual([
			'MC',
			'GF',
			'MC2',
			'T'
		]);
	});
});
