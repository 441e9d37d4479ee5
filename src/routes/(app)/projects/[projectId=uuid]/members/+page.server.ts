import {
	changeRoleForm,
	inviteForm,
	removeMemberForm,
	revokeInvitationForm
} from '$lib/auth/forms';
import * as members from '$lib/server/projects/members';
import * as invitations from '$lib/server/projects/invitations';
import { requireActor } from '$lib/server/http/require-actor';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { inProject } from '$lib/server/http/url-resources';
import { deliverInvitation } from '$lib/server/mail/invitation-mail';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const { ctx } = event.locals;
	const { projectId } = event.params;
	return loadOrError(async () => {
		const canManage = await members.canManage(ctx, projectId);
		return {
			members: await members.list(ctx, projectId),
			canManage,
			pending: canManage ? await invitations.listPending(ctx, projectId) : [],
			organisations: canManage ? await invitations.listOrganisations(ctx, projectId) : []
		};
	});
};

export const actions: Actions = {
	invite: (event) =>
		runAction(event, inProject(event, 'member.manage'), inviteForm, async (input) => {
			const { projectId } = event.params;
			const { ctx, runtime } = event.locals;
			const created = await invitations.invite(ctx, { ...input, projectId });
			const { link, mailed } = await deliverInvitation(
				runtime.db,
				runtime.mailer,
				event.url.origin,
				{
					...created,
					projectId,
					to: input.email,
					role: input.role,
					inviterName: ctx.actor?.name ?? ''
				}
			);
			return { invited: { email: input.email, link, expiresAt: created.expiresAt, mailed } };
		}),
	role: (event) =>
		runAction(event, inProject(event, 'member.manage'), changeRoleForm, async (input) => {
			await members.changeRole(event.locals.ctx, { ...input, projectId: event.params.projectId });
			return { done: 'role_changed' as const };
		}),
	remove: (event) =>
		runAction(event, inProject(event, 'member.manage'), removeMemberForm, async (input) => {
			await members.remove(event.locals.ctx, { ...input, projectId: event.params.projectId });
			return { done: 'removed' as const };
		}),
	revoke: (event) =>
		runAction(event, inProject(event, 'member.manage'), revokeInvitationForm, async (input) => {
			await invitations.revoke(event.locals.ctx, { ...input, projectId: event.params.projectId });
			return { done: 'revoked' as const };
		})
};
