import { appointForm } from '$lib/admin/forms';
import * as setup from '$lib/server/admin/setup';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { asAdmin } from '$lib/server/http/url-resources';
import { deliverInvitation } from '$lib/server/mail/invitation-mail';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) =>
	loadOrError(async () => ({
		project: await setup.getProject(locals.ctx, params.projectId),
		...(await setup.choices(locals.ctx)),
		created: url.searchParams.has('created')
	}));

/** A person becomes coordinator at once; an e-mail address gets the invitation by mail. */
export const actions: Actions = {
	default: (event) =>
		runAction(event, asAdmin('admin.coordinator_appoint'), appointForm, async (input) => {
			const { ctx, runtime } = event.locals;
			const { projectId } = event.params;
			const appointed = await setup.appointCoordinator(ctx, { ...input, projectId });
			if (appointed.kind === 'member') return { appointed: appointed.personId };
			const sent = await deliverInvitation(runtime.db, runtime.mailer, event.url.origin, {
				...appointed.invitation,
				projectId,
				to: appointed.email,
				role: 'coordinator',
				inviterName: ctx.actor?.name ?? ''
			});
			return {
				invited: { email: appointed.email, expiresAt: appointed.invitation.expiresAt, ...sent }
			};
		})
};
