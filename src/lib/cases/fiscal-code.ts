/**
 * The Italian codice fiscale of a person: 16 characters whose last is a check letter. Digits
 * may be replaced by letters (omocodia), so positions are checked by class, not by digit.
 */
const SHAPE =
	/^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

// Values of a character in an odd position (1st, 3rd…), digits and letters alike (DM 23/12/1976).
const ODD = [
	1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23
];

function valueOf(char: string, odd: boolean): number {
	const code = char.charCodeAt(0);
	const index = code <= 57 ? code - 48 : code - 65;
	return odd ? ODD[index] : index;
}

/** Upper case, without spaces: how people type it and how it is stored. */
export function normaliseFiscalCode(raw: string): string {
	return raw.replace(/\s+/g, '').toUpperCase();
}

export function isValidFiscalCode(raw: string): boolean {
	const code = normaliseFiscalCode(raw);
	if (!SHAPE.test(code)) return false;
	let sum = 0;
	for (let i = 0; i < 15; i++) sum += valueOf(code[i], i % 2 === 0);
	return String.fromCharCode(65 + (sum % 26)) === code[15];
}
