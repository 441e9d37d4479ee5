/**
 * A note excerpt made fit for a lab: every trace of the person's identity that the record holds
 * — the full name and each part of it, the fiscal code, the e-mail, the phone (however spaced) —
 * becomes the pseudonym. Accents and case do not hide a name: "LUCÌA" is "Lucia". What the
 * record does not hold (a sister's name, a street) the operator removes by editing the excerpt.
 */
export interface IdentityTraces {
	fullName: string;
	fiscalCode: string | null;
	phone: string | null;
	email: string | null;
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces, in `text`, each match of `pattern` read on the accent-free, lower-case copy. */
function replaceFolded(text: string, pattern: RegExp, by: string): string {
	// Folding keeps one code unit per letter for Latin text, so indices line up after NFC.
	const source = text.normalize('NFC');
	const folded = fold(source);
	if (folded.length !== source.length) return source.replace(pattern, by);
	let out = '';
	let last = 0;
	for (const match of folded.matchAll(pattern)) {
		out += source.slice(last, match.index) + by;
		last = match.index + match[0].length;
	}
	return out + source.slice(last);
}

export function pseudonymise(text: string, identity: IdentityTraces, pseudonym: string): string {
	let out = text;
	// Contacts first: an e-mail address often holds the name, and must go whole.
	if (identity.fiscalCode) {
		out = out.replace(new RegExp(escape(identity.fiscalCode), 'gi'), pseudonym);
	}
	if (identity.email) out = out.replace(new RegExp(escape(identity.email), 'gi'), pseudonym);
	const digits = (identity.phone ?? '').replace(/\D/g, '');
	if (digits.length >= 6) {
		// The same digits with any spaces, dots, dashes or slashes between them.
		out = out.replace(new RegExp(digits.split('').join('[\\s./-]*'), 'g'), pseudonym);
	}
	const words = fold(identity.fullName)
		.split(/[^\p{L}']+/u)
		.filter((word) => word.length >= 2)
		// The whole name before its parts, longer parts before shorter ones.
		.sort((a, b) => b.length - a.length);
	const whole = fold(identity.fullName).trim();
	for (const word of [whole, ...words]) {
		if (!word) continue;
		const pattern = new RegExp(
			`(?<![\\p{L}])${escape(word).replace(/\s+/g, '\\s+')}(?![\\p{L}])`,
			'gu'
		);
		out = replaceFolded(out, pattern, pseudonym);
	}
	return out;
}

/** Whether any trace is left: the server refuses to store an excerpt that still names the person. */
export function namesPerson(text: string, identity: IdentityTraces): boolean {
	return pseudonymise(text, identity, '\u0000') !== text;
}
