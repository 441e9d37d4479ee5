import * as comments from '$lib/server/proposals/comments';
import * as sections from '$lib/server/proposals/sections';
import * as versions from '$lib/server/proposals/versions';
import { canvasView } from '$lib/server/proposals/canvas-view';
import {
	commentForm,
	replyForm,
	resolveForm,
	sectionLockForm,
	sectionOwnersForm,
	sectionStatusForm
} from '$lib/proposals/forms';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { inProject } from '$lib/server/http/url-resources';
import type { Actions, PageServerLoad } from './$types';

/** The canvas: every section with its status, owners, lock, length, comments and editor mode. */
export const load: PageServerLoad = async ({ locals, params, depends }) => {
	depends('canvas:proposal');
	const { ctx } = locals;
	return loadOrError(async () => {
		// The first opening of the day keeps that day's state as an automatic version.
		await versions.ensureDaily(ctx, params.proposalId);
		return { canvas: await canvasView(ctx, params.proposalId) };
	});
};

export const actions: Actions = {
	status: (event) =>
		runAction(
			event,
			inProject(event, 'proposal.edit', 'proposal.review'),
			sectionStatusForm,
			async (input) => {
				await sections.setStatus(event.locals.ctx, input);
				return { done: 'status' as const };
			}
		),
	owners: (event) =>
		runAction(event, inProject(event, 'proposal.create'), sectionOwnersForm, async (input) => {
			await sections.setOwners(event.locals.ctx, {
				sectionId: input.sectionId,
				organisationIds: input['organisationIds[]']
			});
			return { done: 'owners' as const };
		}),
	lock: (event) =>
		runAction(event, inProject(event, 'proposal.lock'), sectionLockForm, async (input) => {
			await sections.lock(event.locals.ctx, input);
			return { done: 'lock' as const };
		}),
	unlock: (event) =>
		runAction(event, inProject(event, 'proposal.lock'), sectionLockForm, async (input) => {
			await sections.unlock(event.locals.ctx, input);
			return { done: 'unlock' as const };
		}),
	comment: (event) =>
		runAction(event, inProject(event, 'proposal.comment'), commentForm, async (input) => {
			const thread = await comments.create(event.locals.ctx, input);
			return { done: 'comment' as const, threadId: thread.id };
		}),
	reply: (event) =>
		runAction(event, inProject(event, 'proposal.comment'), replyForm, async (input) => {
			await comments.reply(event.locals.ctx, input);
			return { done: 'reply' as const };
		}),
	resolve: (event) =>
		runAction(event, inProject(event, 'proposal.comment'), resolveForm, async (input) => {
			await comments.setResolved(event.locals.ctx, { ...input, resolved: true });
			return { done: 'resolve' as const };
		}),
	reopen: (event) =>
		runAction(event, inProject(event, 'proposal.comment'), resolveForm, async (input) => {
			await comments.setResolved(event.locals.ctx, { threadId: input.threadId, resolved: false });
			return { done: 'reopen' as const };
		})
};
