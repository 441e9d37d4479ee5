import { intlLocale } from './locale';

/**
 * Numbers and money. Grouping is 'always' because Italian CLDR data omits the separator in
 * four-digit numbers (1234), which budgets must show as 1.234.
 */
export function formatNumber(
	value: number,
	options: { decimals?: number } = {},
	locale = intlLocale()
): string {
	return new Intl.NumberFormat(locale, {
		useGrouping: 'always',
		minimumFractionDigits: options.decimals ?? 0,
		maximumFractionDigits: options.decimals ?? 2
	}).format(value);
}

/** 1.234,50 € — amounts in euro, always two decimals. */
export function formatMoney(value: number, locale = intlLocale()): string {
	return new Intl.NumberFormat(locale, {
		style: 'currency',
		currency: 'EUR',
		useGrouping: 'always',
		minimumFractionDigits: 2,
		maximumFractionDigits: 2
	}).format(value);
}

/** Budgets stored as integer cents avoid floating-point drift; 123450 → 1.234,50 €. */
export function formatCents(cents: number, locale = intlLocale()): string {
	return formatMoney(cents / 100, locale);
}

/** 45,5% — `ratio` is a fraction (0.455). */
export function formatPercent(ratio: number, decimals = 0, locale = intlLocale()): string {
	return new Intl.NumberFormat(locale, {
		style: 'percent',
		minimumFractionDigits: decimals,
		maximumFractionDigits: decimals
	}).format(ratio);
}
