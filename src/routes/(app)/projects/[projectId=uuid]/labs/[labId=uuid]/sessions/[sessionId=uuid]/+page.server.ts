import { redirect } from '@sveltejs/kit';
import { attachForm, detachForm, sessionForm, sessionProposalForm } from '$lib/labs/lab-form';
import { can } from '$lib/server/access/policy';
import * as sessionProposals from '$lib/server/labs/session-proposals';
import { practiceForm } from '$lib/labs/practice-form';
import * as labs from '$lib/server/labs/labs';
import * as sessionCases from '$lib/server/labs/session-cases';
import * as sessions from '$lib/server/labs/sessions';
import * as practices from '$lib/server/labs/practices';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { onLab } from '$lib/server/http/url-resources';
import { utcToRome } from '$lib/governance/rome-time';
import type { Actions, PageServerLoad } from './$types';

const wallClock = (instant: Date) => {
	const { day, time } = utcToRome(instant);
	return `${day}T${time}`;
};

/**
 * A lab session: its live board and notes (`labboard:<sessionId>`), and the cases attached to
 * it, by pseudonym only, for its participants and those who run labs.
 */
export const load: PageServerLoad = async ({ locals, params }) =>
	loadOrError(async () => {
		const { projectId, labId, sessionId } = params;
		const view = await sessions.get(locals.ctx, projectId, labId, sessionId);
		const lab = await labs.findLab(locals.ctx.db, projectId, labId);
		return {
			lab: { id: lab.id, title: lab.title },
			view,
			cases: view.canWrite
				? await sessionCases.list(locals.ctx, projectId, labId, sessionId)
				: null,
			// A practice's territory is one of the lab's.
			districts: view.canWrite ? await practices.districtsOfLabs(locals.ctx.db, [labId]) : [],
			proposals: await sessionProposals.list(locals.ctx.db, sessionId),
			// The edit form starts from the session as typed: Rome's wall clock.
			editValues: view.canRun
				? {
						title: view.session.title,
						startsAt: wallClock(view.session.startsAt),
						endsAt: wallClock(view.session.endsAt),
						place: view.session.place
					}
				: null,
			canPropose:
				view.canWrite &&
				(await can(locals.ctx.db, locals.ctx.actor, 'decision.propose', { projectId }))
		};
	});

export const actions: Actions = {
	attach: (event) =>
		runAction(event, onLab(event, 'lab.write'), attachForm, async (input) => {
			const { projectId, labId } = event.params;
			await sessions.attachCase(event.locals.ctx, projectId, labId, input);
			return { done: 'attached' as const };
		}),
	detach: (event) =>
		runAction(event, onLab(event, 'lab.write'), detachForm, async (input) => {
			const { projectId, labId } = event.params;
			await sessions.detachCase(event.locals.ctx, projectId, labId, input);
			return { done: 'detached' as const };
		}),
	edit: (event) =>
		runAction(event, onLab(event, 'lab.run'), sessionForm, async (input) => {
			const { projectId, labId, sessionId } = event.params;
			await sessions.update(event.locals.ctx, projectId, labId, sessionId, input);
			return { done: 'edited' as const };
		}),
	practice: (event) =>
		runAction(event, onLab(event, 'lab.write'), practiceForm, async (input) => {
			const { projectId, labId, sessionId } = event.params;
			const created = await practices.recordPractice(
				event.locals.ctx,
				projectId,
				labId,
				sessionId,
				input
			);
			redirect(303, `/projects/${projectId}/practices/${created.id}`);
		}),
	propose: (event) =>
		runAction(event, onLab(event, 'lab.write'), sessionProposalForm, async (input) => {
			const { projectId, labId, sessionId } = event.params;
			await sessionProposals.propose(event.locals.ctx, projectId, labId, sessionId, input);
			return { done: 'proposed' as const };
		})
};
