import { redirect } from '@sveltejs/kit';
import { forgotPasswordForm } from '$lib/auth/forms';
import { requestPasswordReset } from '$lib/server/auth/forgot-password';
import { sendResetMailsSoon } from '$lib/server/auth/reset-mail-queue';
import { sharedLoginThrottle } from '$lib/server/auth/throttle';
import { runAction } from '$lib/server/http/run-action';
import { anyone } from '$lib/server/http/url-resources';
import type { Actions, PageServerLoad } from './$types';

/** "Forgot password" (ADR 0204): a signed-in person changes it from their account instead. */
export const load: PageServerLoad = ({ locals }) => {
	if (locals.actor) redirect(303, '/account');
	return {};
};

export const actions: Actions = {
	default: (event) =>
		runAction(event, anyone, forgotPasswordForm, async ({ email }) => {
			const { runtime } = event.locals;
			await requestPasswordReset(
				{ db: runtime.db, throttle: sharedLoginThrottle() },
				{ email, ip: event.getClientAddress() }
			);
			sendResetMailsSoon(runtime.db, runtime.mailer, event.url.origin);
			// The same answer for every address: whether it has an account is never said.
			return { requested: true as const, email };
		})
};
