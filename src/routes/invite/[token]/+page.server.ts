import { redirect } from '@sveltejs/kit';
import { acceptAsNewPersonForm } from '$lib/auth/forms';
import { openSession } from '$lib/server/auth/sign-in';
import { startBrowserSession } from '$lib/server/auth/web-session';
import { signedIn } from '$lib/server/context';
import * as acceptance from '$lib/server/projects/invitation-acceptance';
import { runAction } from '$lib/server/http/run-action';
import { anyone, signedInOnly } from '$lib/server/http/url-resources';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

/** What the page offers, decided here so the page only renders it. */
type Mode = 'unknown' | 'expired' | 'used' | 'accept' | 'other_email' | 'sign_in' | 'new_account';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const view = await acceptance.lookup(locals.ctx.db, params.token);
	const actor = locals.actor;
	let mode: Mode;
	if (!view) mode = 'unknown';
	else if (view.state !== 'valid') mode = view.state;
	else if (actor) mode = actor.email.toLowerCase() === view.email ? 'accept' : 'other_email';
	else mode = view.hasAccount ? 'sign_in' : 'new_account';
	const invitation =
		view && view.state === 'valid'
			? {
					email: view.email,
					projectTitle: view.projectTitle,
					role: view.role,
					organisationName: view.organisationName
				}
			: null;
	return {
		mode,
		invitation,
		actorEmail: actor?.email ?? null,
		invitePath: url.pathname
	};
};

export const actions: Actions = {
	accept: (event) =>
		runAction(event, signedInOnly, z.object({}), async () => {
			const accepted = await acceptance.acceptAsMember(
				signedIn(event.locals.ctx),
				event.params.token
			);
			redirect(303, `/projects/${accepted.projectId}`);
		}),
	create: (event) =>
		runAction(event, anyone, acceptAsNewPersonForm, async (input) => {
			const { ctx } = event.locals;
			const accepted = await acceptance.acceptAsNewPerson(ctx, event.params.token, input);
			startBrowserSession(event, await openSession(ctx.db, accepted.personId));
			redirect(303, `/projects/${accepted.projectId}`);
		})
};
