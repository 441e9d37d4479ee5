import type { LayoutServerLoad } from './$types';

/** A session's page lists pseudonymous cases: like case pages, no cache keeps it. */
export const load: LayoutServerLoad = ({ setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
};
