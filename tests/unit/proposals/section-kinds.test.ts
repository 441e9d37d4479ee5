import { describe, expect, it } from 'vitest';
import {
	hasOwnText,
	parentNumber,
	sectionDepth,
	valueFits
} from '../../../src/lib/proposals/section-kinds';

describe('section kinds', () => {
	it('reads the depth and the parent from the printed number', () => {
		expect([sectionDepth('10'), sectionDepth('10.a'), sectionDepth('10.a.i')]).toEqual([1, 2, 3]);
		expect([parentNumber('10'), parentNumber('10.a'), parentNumber('10.a.i')]).toEqual([
			null,
			'10',
			'10.a'
		]);
	});

	it('gives a title-only parent no text of its own', () => {
		expect(hasOwnText('heading')).toBe(false);
		expect(hasOwnText('table')).toBe(true);
	});

	it('accepts dates, amounts and choices as Italian calls write them, and nothing else', () => {
		expect(valueFits('date', '14/7/2020', [])).toBe(true);
		expect(valueFits('date', '31/12/2021', [])).toBe(true);
		expect(valueFits('date', '31/2/2021', [])).toBe(false);
		expect(valueFits('date', 'luglio 2020', [])).toBe(false);
		expect(valueFits('amount', '125.000,50', [])).toBe(true);
		expect(valueFits('amount', '€ 1.200', [])).toBe(true);
		expect(valueFits('amount', '125000', [])).toBe(true);
		expect(valueFits('amount', '125,000.50', [])).toBe(false);
		expect(valueFits('choice', 'ats', ['ATS', 'Protocollo'])).toBe(true);
		expect(valueFits('choice', 'Convenzione', ['ATS', 'Protocollo'])).toBe(false);
		expect(valueFits('date', '  ', [])).toBe(true);
		expect(valueFits('text', 'qualunque', [])).toBe(true);
	});
});
