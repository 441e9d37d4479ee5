import { attendanceForm } from '$lib/governance/meeting-form';
import { actionItemForm, decisionForm } from '$lib/governance/decision-form';
import { circulateForm, correctionNoteForm, emptyForm } from '$lib/governance/minutes-form';
import * as actionItems from '$lib/server/governance/action-items';
import * as attendance from '$lib/server/governance/attendance';
import * as decisions from '$lib/server/governance/decisions';
import * as minutes from '$lib/server/governance/minutes';
import { runAction } from '$lib/server/http/run-action';
import type { Actions } from './$types';

/** The meeting page's form actions: each parses its form and calls one governance function. */
export const actions: Actions = {
	attendance: (event) =>
		runAction(event, attendanceForm, async (input) => {
			await attendance.recordAttendance(event.locals.ctx, event.params.meetingId, input);
			return { done: 'attendance' as const };
		}),
	decision: (event) =>
		runAction(event, decisionForm, async (input) => {
			const created = await decisions.propose(event.locals.ctx, {
				...input,
				meetingId: event.params.meetingId
			});
			return { done: 'decision' as const, decisionId: created.id };
		}),
	actionItem: (event) =>
		runAction(event, actionItemForm, async (input) => {
			await actionItems.create(event.locals.ctx, event.params.projectId, {
				...input,
				meetingId: event.params.meetingId
			});
			return { done: 'action_item' as const };
		}),
	circulate: (event) =>
		runAction(event, circulateForm, async (input) => {
			await minutes.circulate(event.locals.ctx, event.params.meetingId, input);
			return { done: 'circulated' as const };
		}),
	approve: (event) =>
		runAction(event, emptyForm, async () => {
			await minutes.approve(event.locals.ctx, event.params.meetingId);
			return { done: 'approved' as const };
		}),
	correction: (event) =>
		runAction(event, correctionNoteForm, async (input) => {
			await minutes.addCorrection(event.locals.ctx, event.params.meetingId, input.text);
			return { done: 'correction' as const };
		})
};
