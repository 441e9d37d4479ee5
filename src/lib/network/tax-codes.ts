/**
 * Italian tax identifiers of organisations, checked with their check digit (browser-safe).
 *
 * A partita IVA is 11 digits: 7 of the taxpayer's number, 3 of the provincial office, and a check
 * digit computed with the Luhn algorithm. The codice fiscale of an organisation (a "soggetto
 * diverso dalle persone fisiche") is also 11 digits with the same check digit, often the same
 * number as its partita IVA. Persons' 16-character codici fiscali are not accepted here.
 */

/** Strips spaces and an "IT" prefix, as partite IVA are often written ("IT 05060480968"). */
export function normaliseTaxNumber(raw: string): string {
	return raw
		.replace(/\s+/g, '')
		.replace(/^IT(?=\d{11}$)/i, '')
		.trim();
}

/** The Luhn check digit of the first ten digits. */
export function checkDigit(first10: string): number {
	let sum = 0;
	for (let i = 0; i < 10; i++) {
		let digit = first10.charCodeAt(i) - 48;
		if (i % 2 === 1) {
			digit *= 2;
			if (digit > 9) digit -= 9;
		}
		sum += digit;
	}
	return (10 - (sum % 10)) % 10;
}

export type TaxNumberProblem = 'format' | 'check_digit';

/** null when `value` (already normalised) is a valid 11-digit number, else what is wrong. */
export function taxNumberProblem(value: string): TaxNumberProblem | null {
	if (!/^\d{11}$/.test(value)) return 'format';
	if (/^0{11}$/.test(value)) return 'check_digit';
	return checkDigit(value.slice(0, 10)) === value.charCodeAt(10) - 48 ? null : 'check_digit';
}

export const isValidPartitaIva = (value: string) => taxNumberProblem(value) === null;
/** An organisation's codice fiscale: 11 digits, same algorithm as the partita IVA. */
export const isValidOrganisationTaxCode = (value: string) => taxNumberProblem(value) === null;
