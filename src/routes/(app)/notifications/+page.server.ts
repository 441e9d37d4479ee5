import { markAllReadForm, markReadForm } from '$lib/notifications/forms';
import { requireActor } from '$lib/server/http/require-actor';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { signedInOnly } from '$lib/server/http/url-resources';
import { listInbox, markAllRead, markRead } from '$lib/server/notifications/inbox';
import type { Actions, PageServerLoad } from './$types';

/** The signed-in person's own notifications (ADR 0152): nobody else's are ever read here. */
export const load: PageServerLoad = async (event) => {
	requireActor(event);
	return loadOrError(async () => ({ items: await listInbox(event.locals.ctx) }));
};

export const actions: Actions = {
	read: (event) =>
		runAction(event, signedInOnly, markReadForm, async ({ notificationId }) => {
			await markRead(event.locals.ctx, notificationId);
			return { marked: 1 };
		}),
	readAll: (event) =>
		runAction(event, signedInOnly, markAllReadForm, async () => ({
			marked: await markAllRead(event.locals.ctx)
		}))
};
