/** A tiny cookie-keeping HTTP client for talking to the real server like a browser would. */
export class Browser {
	readonly cookies = new Map<string, string>();
	/**
	 * `proto` plays the TLS-terminating proxy: the server is started with
	 * PROTOCOL_HEADER=x-forwarded-proto, so each request says whether it came over https.
	 */
	constructor(
		readonly base: string,
		readonly proto: 'http' | 'https' = 'http'
	) {}

	get origin(): string {
		return this.base.replace(/^http:/, `${this.proto}:`);
	}

	get cookieHeader(): string {
		return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
	}

	async request(path: string, init: RequestInit & { origin?: string | null } = {}) {
		const headers = new Headers(init.headers);
		if (this.cookies.size > 0) headers.set('cookie', this.cookieHeader);
		headers.set('x-forwarded-proto', this.proto);
		// Browsers send Origin on every POST; `origin: null` imitates a script that sends none.
		const origin = init.origin === undefined ? this.origin : init.origin;
		if (origin !== null && init.method && init.method !== 'GET') headers.set('origin', origin);
		const response = await fetch(this.base + path, { ...init, headers, redirect: 'manual' });
		for (const line of response.headers.getSetCookie()) {
			const [pair, ...attributes] = line.split(';');
			const [name, value] = pair.split('=');
			const expired = attributes.some(
				(a) => /^\s*max-age=0/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a)
			);
			if (expired || value === '') this.cookies.delete(name.trim());
			else this.cookies.set(name.trim(), value);
		}
		return response;
	}

	/** A form submission without JavaScript: urlencoded, the way a plain <form method="POST"> posts. */
	form(path: string, fields: Record<string, string>, init: { origin?: string | null } = {}) {
		return this.request(path, {
			method: 'POST',
			// Without JavaScript a browser asks for HTML; SvelteKit would otherwise answer JSON.
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: new URLSearchParams(fields).toString(),
			...init
		});
	}

	json(path: string, method: string, body?: unknown, init: { origin?: string | null } = {}) {
		return this.request(path, {
			method,
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
			...init
		});
	}
}

/** The raw Set-Cookie line for one cookie, to check its attributes. */
export function setCookieLine(response: Response, name: string): string | undefined {
	return response.headers.getSetCookie().find((line) => line.startsWith(`${name}=`));
}
