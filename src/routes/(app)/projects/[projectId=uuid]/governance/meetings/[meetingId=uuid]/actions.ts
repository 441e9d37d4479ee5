import { attendanceForm } from '$lib/governance/meeting-form';
import { actionItemForm, decisionForm } from '$lib/governance/decision-form';
import { guestForm, removeGuestForm, sittingForm } from '$lib/governance/sitting-form';
import {
	approveForm,
	approvePreviousForm,
	circulateForm,
	correctionNoteForm
} from '$lib/governance/minutes-form';
import * as actionItems from '$lib/server/governance/action-items';
import * as attendance from '$lib/server/governance/attendance';
import * as decisions from '$lib/server/governance/decisions';
import * as minutes from '$lib/server/governance/minutes';
import * as sitting from '$lib/server/governance/sitting';
import { runAction } from '$lib/server/http/run-action';
import { inProject, onMeeting } from '$lib/server/http/url-resources';
import type { Actions } from './$types';

/** The meeting page's form actions: each parses its form and calls one governance function. */
export const actions: Actions = {
	attendance: (event) =>
		runAction(
			event,
			onMeeting(event, 'minutes.write', 'members'),
			attendanceForm,
			async (input) => {
				await attendance.recordAttendance(event.locals.ctx, event.params.meetingId, input);
				return { done: 'attendance' as const };
			}
		),
	sitting: (event) =>
		runAction(event, onMeeting(event, 'minutes.write', 'members'), sittingForm, async (input) => {
			await sitting.recordSitting(event.locals.ctx, event.params.meetingId, input);
			return { done: 'sitting' as const };
		}),
	guest: (event) =>
		runAction(event, onMeeting(event, 'minutes.write', 'members'), guestForm, async (input) => {
			await sitting.addGuest(event.locals.ctx, event.params.meetingId, input);
			return { done: 'guest' as const };
		}),
	removeGuest: (event) =>
		runAction(
			event,
			onMeeting(event, 'minutes.write', 'members'),
			removeGuestForm,
			async (input) => {
				await sitting.removeGuest(event.locals.ctx, event.params.meetingId, input.guestId);
				return { done: 'guest_removed' as const };
			}
		),
	decision: (event) =>
		runAction(event, inProject(event, 'decision.propose'), decisionForm, async (input) => {
			const created = await decisions.propose(event.locals.ctx, {
				...input,
				meetingId: event.params.meetingId
			});
			return { done: 'decision' as const, decisionId: created.id };
		}),
	actionItem: (event) =>
		runAction(event, inProject(event, 'action_item.manage'), actionItemForm, async (input) => {
			await actionItems.create(event.locals.ctx, event.params.projectId, {
				...input,
				meetingId: event.params.meetingId
			});
			return { done: 'action_item' as const };
		}),
	circulate: (event) =>
		runAction(
			event,
			onMeeting(event, 'minutes.write', 'officers'),
			circulateForm,
			async (input) => {
				await minutes.circulate(event.locals.ctx, event.params.meetingId, input);
				return { done: 'circulated' as const };
			}
		),
	approve: (event) =>
		runAction(event, onMeeting(event, 'minutes.approve', 'chairs'), approveForm, async (input) => {
			await minutes.approve(event.locals.ctx, event.params.meetingId, input);
			return { done: 'approved' as const };
		}),
	approvePrevious: (event) =>
		runAction(
			event,
			onMeeting(event, 'minutes.approve', 'chairs'),
			approvePreviousForm,
			async (input) => {
				await minutes.approve(event.locals.ctx, input.previousMeetingId, {
					acceptStructure: input.acceptStructure,
					atMeetingId: event.params.meetingId
				});
				return { done: 'approved_previous' as const };
			}
		),
	correction: (event) =>
		runAction(
			event,
			onMeeting(event, 'minutes.write', 'members'),
			correctionNoteForm,
			async (input) => {
				await minutes.addCorrection(event.locals.ctx, event.params.meetingId, input.text);
				return { done: 'correction' as const };
			}
		)
};
