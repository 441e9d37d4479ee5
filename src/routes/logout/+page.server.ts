import { redirect } from '@sveltejs/kit';
import { safeRedirectTarget } from '$lib/server/auth/redirect-target';
import { signOutFromRequest } from '$lib/server/auth/web-session';
import type { Actions, PageServerLoad } from './$types';

/** GET only asks: signing out changes state, so it happens on POST (origin-checked). */
export const load: PageServerLoad = ({ locals }) => {
	if (!locals.actor) redirect(303, '/login');
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData().catch(() => null);
		const back = form?.get('redirectTo');
		await signOutFromRequest(event);
		redirect(303, safeRedirectTarget(typeof back === 'string' ? back : null, '/login'));
	}
};
