import { error } from '@sveltejs/kit';
import { can } from '$lib/server/access/policy';
import { documentPermission, writes } from '$lib/server/live-kinds';
import * as actionItems from '$lib/server/governance/action-items';
import * as attendance from '$lib/server/governance/attendance';
import * as bodies from '$lib/server/governance/bodies';
import * as decisions from '$lib/server/governance/decisions';
import * as meetings from '$lib/server/governance/meetings';
import { listLinkTargets } from '$lib/server/governance/link-targets';
import * as minutes from '$lib/server/governance/minutes';
import * as sitting from '$lib/server/governance/sitting';
import { utcToRome } from '$lib/governance/rome-time';
import { minutesDocumentName } from '$lib/server/governance/minutes-document';
import * as members from '$lib/server/projects/members';
import * as organisations from '$lib/server/organisations/organisations';
import { loadOrError } from '$lib/server/http/run-endpoint';
import type { PageServerLoad } from './$types';

export { actions } from './actions';

/**
 * How the minutes editor behaves for this person: the draft is written directly; inside the
 * amendment window every change is a suggestion (ADR 0065); otherwise it is read-only.
 */
function editorMode(
	state: { status: string; amendmentWindowOpen: boolean },
	writeMinutes: boolean
): 'edit' | 'suggest' | 'read' {
	if (!writeMinutes) return 'read';
	if (state.status === 'draft') return 'edit';
	return state.amendmentWindowOpen ? 'suggest' : 'read';
}

/** The meeting page: agenda, attendance and quorum, live minutes (with suggestions), decisions. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { ctx } = locals;
	const { projectId, meetingId } = params;
	return loadOrError(async () => {
		const meeting = await meetings.findMeeting(ctx.db, meetingId);
		if (meeting.projectId !== projectId) error(404);
		const body = await bodies.get(ctx, meeting.bodyId);
		const [sheet, state, rights, decisionList, items, people, orgs, linkTargets, held, path] =
			await Promise.all([
				attendance.sheet(ctx, meetingId),
				minutes.minutesState(ctx, meetingId),
				minutes.minutesRights(ctx, meetingId),
				decisions.listForMeeting(ctx, meetingId),
				actionItems.listForProject(ctx, projectId),
				members.list(ctx, projectId),
				organisations.listForProject(ctx, projectId),
				listLinkTargets(ctx, projectId),
				sitting.sittingOf(ctx, meetingId),
				minutes.approvalPath(ctx, meetingId)
			]);
		const time = (at: Date | null) => (at ? utcToRome(at).time : null);
		const permission = await documentPermission(ctx.db, ctx.actor, minutesDocumentName(meetingId));
		const writeMinutes = writes(permission);
		const allowed = (action: Parameters<typeof can>[2]) =>
			can(ctx.db, ctx.actor, action, { projectId });
		return {
			meeting,
			body: { id: body.body.id, name: body.body.name, kind: body.body.kind },
			agenda: await meetings.agendaOf(ctx.db, meetingId),
			attendance: sheet,
			sitting: {
				openedTime: time(held.openedAt),
				closedTime: time(held.closedAt),
				guests: held.guests.map(({ id, name, organisationName, role }) => ({
					id,
					name,
					organisationName,
					role
				}))
			},
			minutes: { ...state, approval: state.approval && { ...state.approval, text: undefined } },
			decisions: decisionList,
			actionItems: items.filter((item) => item.meetingId === meetingId),
			people: people.map((p) => ({ id: p.personId, name: p.name })),
			organisations: orgs.map((o) => ({ id: o.id, name: o.name })),
			linkTargets,
			approvalPath: path,
			documentName: minutesDocumentName(meetingId),
			editorMode: editorMode(state, writeMinutes),
			can: {
				writeMinutes,
				// Accepting or rejecting a suggestion is a direct change: the officers', while circulated.
				resolveSuggestions: state.status === 'circulated' && permission === 'write',
				isMember: body.isMember,
				circulate: rights.circulate,
				approve: rights.approve,
				proposeDecision: await allowed('decision.propose'),
				manageActionItems: await allowed('action_item.manage')
			}
		};
	});
};
