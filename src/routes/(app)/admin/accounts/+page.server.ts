import { accountForm, accountInviteForm } from '$lib/auth/forms';
import * as accounts from '$lib/server/admin/accounts';
import * as setup from '$lib/server/admin/setup';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { asAdmin } from '$lib/server/http/url-resources';
import { deliverInvitation } from '$lib/server/mail/invitation-mail';
import { deliverReset } from '$lib/server/mail/reset-mail';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) =>
	loadOrError(async () => ({
		accounts: await accounts.list(locals.ctx),
		projects: await setup.listProjects(locals.ctx),
		organisations: (await setup.choices(locals.ctx)).organisations
	}));

const manage = asAdmin('admin.account_manage');
const appoint = asAdmin('admin.admin_grant');

export const actions: Actions = {
	invite: (event) =>
		runAction(event, manage, accountInviteForm, async (input) => {
			const { ctx, runtime } = event.locals;
			const { admin, invitation: created } = await accounts.invite(ctx, input);
			const sent = await deliverInvitation(runtime.db, runtime.mailer, event.url.origin, {
				...created,
				projectId: input.projectId,
				to: input.email,
				role: input.role,
				inviterName: admin.name
			});
			return { invited: { email: input.email, expiresAt: created.expiresAt, ...sent } };
		}),
	deactivate: (event) =>
		runAction(event, manage, accountForm, async ({ personId }) => {
			await accounts.deactivate(event.locals.ctx, personId);
			return { done: 'deactivated' as const, personId };
		}),
	reactivate: (event) =>
		runAction(event, manage, accountForm, async ({ personId }) => {
			await accounts.reactivate(event.locals.ctx, personId);
			return { done: 'reactivated' as const, personId };
		}),
	grantAdmin: (event) =>
		runAction(event, appoint, accountForm, async ({ personId }) => {
			await accounts.setAdmin(event.locals.ctx, personId, true);
			return { done: 'admin_granted' as const, personId };
		}),
	revokeAdmin: (event) =>
		runAction(event, appoint, accountForm, async ({ personId }) => {
			await accounts.setAdmin(event.locals.ctx, personId, false);
			return { done: 'admin_revoked' as const, personId };
		}),
	reset: (event) =>
		runAction(event, manage, accountForm, async ({ personId }) => {
			const reset = await accounts.requestReset(event.locals.ctx, personId);
			const { link, mailed } = await deliverReset(
				event.locals.runtime.mailer,
				event.url.origin,
				reset
			);
			// The link is shown only when no mail left: then the administrator passes it on.
			return { done: 'reset' as const, personId, mailed, link: mailed === 'sent' ? null : link };
		})
};
