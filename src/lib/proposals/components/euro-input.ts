/**
 * Euro amounts as people type them in Italy ("1.234,50", "1234.5", "800") → cents; null when
 * the text is not an amount. Cents keep the budget free of rounding drift.
 */
export function parseEuros(text: string): number | null {
	const cleaned = text.replace(/[€\s]/g, '');
	if (cleaned === '') return 0;
	const normalised = cleaned.includes(',')
		? cleaned.replace(/\./g, '').replace(',', '.')
		: /^\d{1,3}(\.\d{3})+$/.test(cleaned)
			? cleaned.replace(/\./g, '')
			: cleaned;
	if (!/^\d+(\.\d{1,2})?$/.test(normalised)) return null;
	return Math.round(Number(normalised) * 100);
}

/** Cents → the text an input shows: "1234,50" (no grouping, so it parses back unchanged). */
export function centsToInput(cents: number): string {
	return (cents / 100).toFixed(2).replace('.', ',');
}
