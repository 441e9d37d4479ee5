/**
 * What a person types as a link address → a safe href, or null when it is not one.
 * "www.comune.it" becomes https://www.comune.it; only http(s) and mailto pass, so pasted
 * `javascript:` addresses never become links.
 */
export function normaliseLinkAddress(input: string): string | null {
	const text = input.trim();
	if (!text) return null;
	const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		return null;
	}
	if (url.protocol === 'mailto:') return url.pathname.includes('@') ? url.href : null;
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
	return url.hostname.includes('.') || url.hostname === 'localhost' ? url.href : null;
}
