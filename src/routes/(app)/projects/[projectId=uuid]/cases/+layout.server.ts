import type { LayoutServerLoad } from './$types';

/**
 * Case pages hold personal data of fragile people: no cache (browser, proxy, back-forward) may
 * keep them, their `__data.json` included. Set here, for every page below, before any check.
 */
export const load: LayoutServerLoad = ({ setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
};
