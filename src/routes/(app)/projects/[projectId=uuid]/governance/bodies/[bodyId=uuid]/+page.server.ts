import { bodyMemberForm, removeMemberForm } from '$lib/governance/body-form';
import { meetingForm } from '$lib/governance/meeting-form';
import { emptyForm } from '$lib/governance/minutes-form';
import { can } from '$lib/server/access/policy';
import * as bodies from '$lib/server/governance/bodies';
import * as meetings from '$lib/server/governance/meetings';
import * as calendar from '$lib/server/governance/calendar';
import * as members from '$lib/server/projects/members';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { inProject } from '$lib/server/http/url-resources';
import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { ctx } = locals;
	return loadOrError(async () => {
		const view = await bodies.get(ctx, params.bodyId);
		if (view.body.projectId !== params.projectId) error(404);
		const projectId = params.projectId;
		const [canManageBody, canSchedule] = await Promise.all([
			can(ctx.db, ctx.actor, 'body.manage', { projectId }),
			can(ctx.db, ctx.actor, 'meeting.manage', { projectId })
		]);
		return {
			...view,
			meetings: await meetings.listForBody(ctx, params.bodyId),
			canManageBody,
			canSchedule,
			people: canManageBody ? await members.list(ctx, projectId) : []
		};
	});
};

export const actions: Actions = {
	addMember: (event) =>
		runAction(event, inProject(event, 'body.manage'), bodyMemberForm, async (input) => {
			await bodies.addMember(event.locals.ctx, event.params.bodyId, input);
			return { done: 'member_added' as const };
		}),
	removeMember: (event) =>
		runAction(event, inProject(event, 'body.manage'), removeMemberForm, async (input) => {
			await bodies.removeMember(event.locals.ctx, event.params.bodyId, input.personId);
			return { done: 'member_removed' as const };
		}),
	schedule: (event) =>
		runAction(event, inProject(event, 'meeting.manage'), meetingForm, async (input) => {
			const created = await meetings.schedule(event.locals.ctx, event.params.bodyId, input);
			redirect(303, `/projects/${event.params.projectId}/governance/meetings/${created.id}`);
		}),
	feedToken: (event) =>
		runAction(event, inProject(event, 'governance.read'), emptyForm, async () => {
			const token = await calendar.issueFeedToken(event.locals.ctx);
			const path = `/projects/${event.params.projectId}/governance/bodies/${event.params.bodyId}/calendar.ics`;
			return { feedUrl: `${event.url.origin}${path}?token=${token}` };
		})
};
