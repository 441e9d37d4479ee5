/** A figure as the page receives it: null when withheld (small cell) or not computable. */
export interface ChartCell {
	value: number | null;
	suppressed: boolean;
}

const numberFormat = new Intl.NumberFormat('it-IT', {
	useGrouping: 'always'
} as Intl.NumberFormatOptions);

export function formatCount(value: number): string {
	return numberFormat.format(value);
}
