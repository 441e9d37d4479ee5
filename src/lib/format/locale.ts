import { getLocale } from '$lib/paraglide/runtime';

/** Tavolo shows times in Rome's zone whatever the server's or the browser's zone is. */
export const TIME_ZONE = 'Europe/Rome';

/** The Intl locale for the current UI language: Italian conventions unless the UI is English. */
export function intlLocale(): string {
	return getLocale() === 'en' ? 'en-GB' : 'it-IT';
}
