const PLACEHOLDER_ORIGIN = 'http://tavolo.invalid';

/**
 * Where to go after signing in: only a path on this site, so a crafted `redirectTo` link cannot
 * send a freshly signed-in person to another site (`//evil.example`, `/\evil`, `https://…`).
 */
export function safeRedirectTarget(
	value: string | null | undefined,
	fallback = '/projects'
): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
		return fallback;
	}
	try {
		const url = new URL(value, PLACEHOLDER_ORIGIN);
		if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
		return url.pathname + url.search + url.hash;
	} catch {
		return fallback;
	}
}
