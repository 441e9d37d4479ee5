import { redirect } from '@sveltejs/kit';
import { loginForm } from '$lib/auth/forms';
import { safeRedirectTarget } from '$lib/server/auth/redirect-target';
import { signInFromRequest } from '$lib/server/auth/web-session';
import { runAction } from '$lib/server/http/run-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const redirectTo = url.searchParams.get('redirectTo') ?? '';
	if (locals.actor) redirect(303, safeRedirectTarget(redirectTo));
	return { redirectTo };
};

export const actions: Actions = {
	default: (event) =>
		runAction(event, loginForm, async (input) => {
			await signInFromRequest(event, input);
			redirect(303, safeRedirectTarget(input.redirectTo));
		})
};
