import { redirect } from '@sveltejs/kit';
import { passwordResetForm } from '$lib/auth/forms';
import { completeReset, findReset } from '$lib/server/auth/password-reset';
import { runAction } from '$lib/server/http/run-action';
import { anyone } from '$lib/server/http/url-resources';
import type { Actions, PageServerLoad } from './$types';

/** A reset link from a mail (an administrator's, or "forgot password"): a new password, then sign in. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const found = await findReset(locals.ctx.db, params.token);
	return { email: found?.email ?? null };
};

export const actions: Actions = {
	default: (event) =>
		runAction(event, anyone, passwordResetForm, async (input) => {
			await completeReset(event.locals.ctx.db, event.params.token, input.password);
			redirect(303, '/login?reset=done');
		})
};
