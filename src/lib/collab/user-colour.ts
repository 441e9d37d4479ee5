/**
 * A person's colour in live documents (caret, selection, avatar). Chosen from the person's id so
 * it is the same on every screen and every visit. Every colour carries white text at ≥ 4.5:1
 * (names on carets and avatars are white on the colour); tests/unit/collab checks the palette.
 */
export const USER_COLOURS = [
	'#0066cc', // blue (design-tokens-italia blue-40)
	'#00734d', // green
	'#995c00', // ochre (orange-30)
	'#b32d43', // red (red-44)
	'#6b3fa0', // purple
	'#00697a', // teal
	'#a3366b', // magenta
	'#4f6019', // olive
	'#2f475e', // slate (slate-28)
	'#8a4510' // brown
] as const;

/** FNV-1a: tiny, stable across browsers and Node, spreads similar ids apart. */
function hash(text: string): number {
	let value = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) {
		value ^= text.charCodeAt(index);
		value = Math.imul(value, 0x01000193);
	}
	return value >>> 0;
}

export function userColour(personId: string): string {
	return USER_COLOURS[hash(personId) % USER_COLOURS.length];
}

/** "Maria Rossi" → "MR"; one name → its first two letters. */
export function initials(name: string): string {
	const words = name.trim().split(/\s+/).filter(Boolean);
	if (words.length === 0) return '?';
	if (words.length === 1) return words[0].slice(0, 2).toUpperCase();
	return (words[0][0] + words[words.length - 1][0]).toUpperCase();
}
