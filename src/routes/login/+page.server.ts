import { redirect } from '@sveltejs/kit';
import { loginForm } from '$lib/auth/forms';
import { safeRedirectTarget } from '$lib/server/auth/redirect-target';
import { signInFromRequest } from '$lib/server/auth/web-session';
import { runAction } from '$lib/server/http/run-action';
import { anyone } from '$lib/server/http/url-resources';
import { errorMessage } from '$lib/server/http/error-message';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const redirectTo = url.searchParams.get('redirectTo') ?? '';
	if (locals.actor) redirect(303, safeRedirectTarget(redirectTo));
	const oidc = locals.runtime.config.oidc;
	// The SPID/CIE callback sends refusals back here as a code; only oidc_* codes (and a
	// deactivated account) are shown.
	const refused = url.searchParams.get('oidc');
	const shown = refused && /^(oidc_[a-z_]+|account_deactivated)$/.test(refused);
	const oidcError = shown ? errorMessage(refused) : null;
	const passwordReset = url.searchParams.get('reset') === 'done';
	return { redirectTo, oidcLabel: oidc?.label ?? null, oidcError, passwordReset };
};

export const actions: Actions = {
	default: (event) =>
		runAction(event, anyone, loginForm, async (input) => {
			await signInFromRequest(event, input);
			redirect(303, safeRedirectTarget(input.redirectTo));
		})
};
