import { redirect } from '@sveltejs/kit';
import { cookieMaxAge, cookieName, isLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

/**
 * The language switch: stores the choice in Paraglide's cookie (read by the locale middleware
 * first) and goes back to the page. Only same-site paths are accepted as the way back.
 */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const form = await request.formData();
	const locale = form.get('locale');
	if (typeof locale === 'string' && isLocale(locale)) {
		cookies.set(cookieName, locale, {
			path: '/',
			maxAge: cookieMaxAge,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			// The browser runtime reads this cookie too, so it cannot be HttpOnly.
			httpOnly: false
		});
	}
	redirect(303, safeReturnPath(form.get('redirectTo')));
};

function safeReturnPath(value: FormDataEntryValue | null): string {
	if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return '/';
	if (value.includes('\\')) return '/';
	return value;
}
