import { preferencesForm } from '$lib/notifications/forms';
import { requireActor } from '$lib/server/http/require-actor';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { signedInOnly } from '$lib/server/http/url-resources';
import { myPreferences, savePreferences } from '$lib/server/notifications/preferences';
import type { Actions, PageServerLoad } from './$types';

/** The signed-in person's own mail choice per kind of notification (ADR 0152). */
export const load: PageServerLoad = async (event) => {
	requireActor(event);
	return loadOrError(async () => ({ preferences: await myPreferences(event.locals.ctx) }));
};

export const actions: Actions = {
	save: (event) =>
		runAction(event, signedInOnly, preferencesForm, async (input) => {
			await savePreferences(event.locals.ctx, input);
			return { saved: true };
		})
};
