import { describe, expect, it } from 'vitest';
import {
	checkDigit,
	isValidOrganisationTaxCode,
	isValidPartitaIva,
	normaliseTaxNumber,
	taxNumberProblem
} from '../../../src/lib/network/tax-codes';

describe('partita IVA and organisations’ codice fiscale', () => {
	it.each([
		['05060480968', 'Azienda Sociale del Castanese (002)'],
		['00488410010', 'a well-known S.p.A.'],
		['07643520567', 'a public body'],
		['80002170720', 'a codice fiscale of a non-commercial body'],
		['12345678903', 'a synthetic number with the right digit']
	])('accepts %s (%s)', (code) => {
		expect(taxNumberProblem(code)).toBeNull();
		expect(isValidPartitaIva(code)).toBe(true);
		expect(isValidOrganisationTaxCode(code)).toBe(true);
	});

	it.each([
		['05060480967', 'check_digit'],
		['12345678901', 'check_digit'],
		['00000000000', 'check_digit'],
		['1234567890', 'format'],
		['123456789012', 'format'],
		['0506048096A', 'format'],
		['RSSMRA80A01F205X', 'format'],
		['', 'format']
	])('refuses %s (%s)', (code, problem) => {
		expect(taxNumberProblem(code)).toBe(problem);
	});

	it('computes the Luhn check digit by hand', () => {
		// 1 2 3 4 5 6 7 8 9 0: odd positions 1+3+5+7+9 = 25; even doubled 4,8,12→3,16→7,0 = 22; 47 → 3
		expect(checkDigit('1234567890')).toBe(3);
		expect(checkDigit('0506048096')).toBe(8);
	});

	it('normalises spaces and the IT prefix', () => {
		expect(normaliseTaxNumber(' IT 050 6048 0968 ')).toBe('05060480968');
		expect(normaliseTaxNumber('it05060480968')).toBe('05060480968');
	});
});
