import { passwordChangeForm } from '$lib/auth/forms';
import { changePassword } from '$lib/server/auth/password-change';
import { readDeviceCookie } from '$lib/server/auth/cookies';
import { sharedLoginThrottle } from '$lib/server/auth/throttle';
import { startBrowserSession } from '$lib/server/auth/web-session';
import { requireActor } from '$lib/server/http/require-actor';
import { signedIn } from '$lib/server/context';
import { runAction } from '$lib/server/http/run-action';
import { signedInOnly } from '$lib/server/http/url-resources';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event);
	return { account: { name: actor.name, email: actor.email } };
};

export const actions: Actions = {
	password: (event) =>
		runAction(event, signedInOnly, passwordChangeForm, async (input) => {
			const fresh = await changePassword(
				signedIn(event.locals.ctx),
				{ throttle: sharedLoginThrottle() },
				{ ...input, ip: event.getClientAddress(), deviceToken: readDeviceCookie(event) }
			);
			startBrowserSession(event, fresh);
			return { passwordChanged: true };
		})
};
