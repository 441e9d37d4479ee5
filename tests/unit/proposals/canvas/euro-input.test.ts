import { describe, expect, it } from 'vitest';
import { centsToInput, parseEuros } from '$lib/proposals/components/euro-input';

describe('euro amounts typed in a budget line', () => {
	it.each([
		['1.234,50', 123450],
		['1234,5', 123450],
		['1234.50', 123450],
		['12.000', 1200000],
		['€ 800', 80000],
		['', 0]
	])('reads %s as %i cents', (typed, cents) => {
		expect(parseEuros(typed)).toBe(cents);
	});

	it.each(['dieci', '1,2,3', '-5', '12,345'])('refuses %s', (typed) => {
		expect(parseEuros(typed)).toBeNull();
	});

	it('writes cents back in a form that parses to the same amount', () => {
		expect(parseEuros(centsToInput(123456))).toBe(123456);
	});
});
