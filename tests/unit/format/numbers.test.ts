import { describe, expect, it } from 'vitest';
import {
	formatCents,
	formatMoney,
	formatNumber,
	formatPercent
} from '../../../src/lib/format/numbers';

// Intl puts a no-break space before the euro sign; compare on plain spaces.
const plain = (text: string) => text.replace(/\u00a0|\u202f/g, ' ');

describe('numbers and money in it-IT', () => {
	it('formats money as 1.234,50 €', () => {
		expect(plain(formatMoney(1234.5, 'it-IT'))).toBe('1.234,50 €');
		expect(plain(formatMoney(0, 'it-IT'))).toBe('0,00 €');
		expect(plain(formatMoney(1_250_000, 'it-IT'))).toBe('1.250.000,00 €');
	});

	it('groups four-digit numbers too', () => {
		expect(formatNumber(1234, {}, 'it-IT')).toBe('1.234');
		expect(formatNumber(1234.567, {}, 'it-IT')).toBe('1.234,57');
		expect(formatNumber(3, { decimals: 1 }, 'it-IT')).toBe('3,0');
	});

	it('formats integer cents without floating-point drift', () => {
		expect(plain(formatCents(123450, 'it-IT'))).toBe('1.234,50 €');
		expect(plain(formatCents(10, 'it-IT'))).toBe('0,10 €');
	});

	it('formats negative amounts', () => {
		expect(plain(formatMoney(-42.1, 'it-IT'))).toBe('-42,10 €');
	});

	it('formats percentages', () => {
		expect(plain(formatPercent(0.455, 1, 'it-IT'))).toBe('45,5%');
	});
});
