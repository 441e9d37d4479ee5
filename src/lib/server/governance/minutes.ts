import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { meeting, minutesApproval, minutesNote, person, type Meeting } from '../db/schema';
import { authorize, can } from '../access/policy';
import { record } from '../audit/audit';
import { ConflictError, InvalidError } from '../errors';
import { m } from '../../paraglide/messages';
import type { DocumentAccess } from '../live/access';
import { romeToUtc } from '../../governance/rome-time';
import { amendmentWindowOpen, minutesEditors, minutesWriters } from './amendments';
import { loadBodyAccess } from './body-access';
import { notifyMinutesCirculated } from '../notifications/minutes-circulated';
import { adjacentMeeting, agendaOf, findMeeting } from './meetings';
import {
	agendaDrift,
	approvalRecord,
	minutesDocumentName,
	pendingSuggestions
} from './minutes-document';

/**
 * The verbale's life: draft (written live) → circulated (members suggest changes during the
 * window, the chair accepts or rejects them) → approved (stored immutably with its hash, frozen).
 */

/**
 * Registry resolver of `minutes:<meetingId>`: members write a draft and suggest during the
 * amendment window (only suggest: ADR 0095), the officers resolve suggestions; everyone in the
 * project reads.
 */
export async function resolveMinutesDocument(
	db: Db,
	meetingId: string
): Promise<DocumentAccess | null> {
	const [found] = await db
		.select({
			bodyId: meeting.bodyId,
			minutesStatus: meeting.minutesStatus,
			amendmentOpensAt: meeting.amendmentOpensAt,
			amendmentClosesAt: meeting.amendmentClosesAt
		})
		.from(meeting)
		.where(eq(meeting.id, meetingId));
	if (!found) return null;
	const access = await loadBodyAccess(db, found.bodyId);
	return {
		resource: minutesWriters(access, found),
		read: 'governance.read',
		write: 'minutes.write',
		edit: { action: 'minutes.write', resource: minutesEditors(access, found) }
	};
}

/**
 * What the meeting page may offer this person, asked of the policy with the same resources the
 * actions authorise against: circulating is the officers', approving the chair's.
 */
export async function minutesRights({ db, actor }: Ctx, meetingId: string) {
	const found = await findMeeting(db, meetingId);
	const access = await loadBodyAccess(db, found.bodyId);
	const { projectId } = found;
	return {
		circulate: await can(db, actor, 'minutes.write', {
			projectId,
			bodyOfficerIds: access.officerIds
		}),
		approve: await can(db, actor, 'minutes.approve', { projectId, bodyOfficerIds: access.chairIds })
	};
}

/** A sitting as the approval path shows it. */
const sittingSummary = ({ id, title, startsAt, minutesStatus }: Meeting) => ({
	id,
	title,
	startsAt,
	minutesStatus
});

/**
 * How this body's minutes are approved, and, with the `next_meeting` rule, the sittings either
 * side: the previous one (whose minutes this sitting approves) and the next (which approves ours).
 */
export async function approvalPath({ db, actor }: Ctx, meetingId: string) {
	const found = await findMeeting(db, meetingId);
	await authorize(db, actor, 'governance.read', { projectId: found.projectId });
	const access = await loadBodyAccess(db, found.bodyId);
	const rule = access.body.minutesApprovalRule;
	if (rule !== 'next_meeting') return { rule, previous: null, next: null };
	const [previous, next] = await Promise.all([
		adjacentMeeting(db, found, 'previous'),
		adjacentMeeting(db, found, 'next')
	]);
	return {
		rule,
		previous: previous && sittingSummary(previous),
		next: next && sittingSummary(next)
	};
}

/** The secretary (or chair) circulates the draft and opens the amendment window. */
export async function circulate(
	{ db, actor, live }: Ctx,
	meetingId: string,
	window: { opensOn: string; closesOn: string }
) {
	const found = await findMeeting(db, meetingId);
	const access = await loadBodyAccess(db, found.bodyId);
	const { actor: signedIn } = await authorize(db, actor, 'minutes.write', {
		projectId: found.projectId,
		bodyOfficerIds: access.officerIds
	});
	if (found.minutesStatus !== 'draft') throw new ConflictError('gov_minutes_not_draft');
	await db.transaction(async (tx) => {
		const moved = await tx
			.update(meeting)
			.set({
				minutesStatus: 'circulated',
				amendmentOpensAt: romeToUtc(window.opensOn, '00:00'),
				amendmentClosesAt: romeToUtc(window.closesOn, '23:59')
			})
			.where(and(eq(meeting.id, meetingId), eq(meeting.minutesStatus, 'draft')))
			.returning({ id: meeting.id });
		// Told once: a second circulate racing this one moved nothing.
		if (moved.length > 0) await notifyMinutesCirculated(tx, found, access, signedIn.id);
	});
	live.invalidate(minutesDocumentName(meetingId));
	await record(db, {
		actorId: signedIn.id,
		action: 'minutes.circulate',
		resourceType: 'meeting',
		resourceId: meetingId,
		projectId: found.projectId
	});
}

/**
 * The chair approves: the document's state, its text and the text's SHA-256 are stored once;
 * the meeting is marked approved so the collaboration server and the API refuse any change.
 */
export async function approve(
	{ db, actor, live }: Ctx,
	meetingId: string,
	{ acceptStructure = false, atMeetingId = null }: ApprovalOptions = {}
) {
	const found = await findMeeting(db, meetingId);
	const access = await loadBodyAccess(db, found.bodyId);
	const { actor: signedIn } = await authorize(db, actor, 'minutes.approve', {
		projectId: found.projectId,
		bodyOfficerIds: access.chairIds
	});
	if (found.minutesStatus !== 'circulated') throw new ConflictError('gov_minutes_not_circulated');
	const atMeeting = await approvingSitting(db, found, access.body.minutesApprovalRule, atMeetingId);
	const doc = await live.read(minutesDocumentName(meetingId));
	// What is frozen must be one agreed text: no proposal may still be waiting in it.
	const pending = pendingSuggestions(doc);
	if (pending > 0) {
		doc.destroy();
		throw new ConflictError('gov_minutes_suggestions_pending');
	}
	// A verbale whose skeleton no longer follows the agenda is frozen only when the chair says so.
	const drift = agendaDrift(
		doc,
		(await agendaOf(db, meetingId)).map((item) => item.title)
	);
	if (!acceptStructure && drift.missing.length + drift.unexpected.length > 0) {
		doc.destroy();
		throw new InvalidError('gov_minutes_structure_changed', {
			acceptStructure: [
				m.gov_minutes_structure_detail({
					missing: drift.missing.join('; ') || '—',
					unexpected: drift.unexpected.join('; ') || '—'
				})
			]
		});
	}
	const { state, text, sha256: hash } = approvalRecord(doc);
	doc.destroy();
	await db.transaction(async (tx) => {
		const [updated] = await tx
			.update(meeting)
			.set({ minutesStatus: 'approved' })
			.where(and(eq(meeting.id, meetingId), eq(meeting.minutesStatus, 'circulated')))
			.returning({ id: meeting.id });
		if (!updated) throw new ConflictError('gov_minutes_not_circulated');
		await tx.insert(minutesApproval).values({
			meetingId,
			state,
			text,
			sha256: hash,
			approvedById: signedIn.id,
			atMeetingId: atMeeting
		});
	});
	live.invalidate(minutesDocumentName(meetingId));
	await record(db, {
		actorId: signedIn.id,
		action: 'minutes.approve',
		resourceType: 'meeting',
		resourceId: meetingId,
		projectId: found.projectId,
		detail: { sha256: hash }
	});
	return { sha256: hash };
}

export interface ApprovalOptions {
	/** Freeze minutes whose agenda headings no longer match the agenda (the chair checked). */
	acceptStructure?: boolean;
	/** With the `next_meeting` rule: the sitting that approves them, at its first item. */
	atMeetingId?: string | null;
}

/**
 * Where the minutes are approved, as the body's rules say: by the chair alone (no sitting), or
 * at the body's very next sitting once it has started.
 */
async function approvingSitting(
	db: Db,
	found: Meeting,
	rule: string,
	atMeetingId: string | null
): Promise<string | null> {
	if (rule !== 'next_meeting') return null;
	if (!atMeetingId) throw new ConflictError('gov_minutes_next_meeting_rule');
	const next = await adjacentMeeting(db, found, 'next');
	if (!next || next.id !== atMeetingId || next.startsAt.getTime() > Date.now()) {
		throw new ConflictError('gov_minutes_not_next_meeting');
	}
	return next.id;
}

/** Corrections to approved minutes are new notes linked to them, written by the body's members. */
export async function addCorrection({ db, actor }: Ctx, meetingId: string, text: string) {
	const found = await findMeeting(db, meetingId);
	const access = await loadBodyAccess(db, found.bodyId);
	const { actor: signedIn } = await authorize(db, actor, 'minutes.write', {
		projectId: found.projectId,
		bodyMemberIds: access.memberIds
	});
	if (found.minutesStatus !== 'approved') throw new ConflictError('gov_minutes_not_approved');
	await db.insert(minutesNote).values({ meetingId, authorId: signedIn.id, text });
}

/** Status, window, approval record and correction notes, for the meeting page and the verbale. */
export async function minutesState({ db, actor }: Ctx, meetingId: string) {
	const found = await findMeeting(db, meetingId);
	await authorize(db, actor, 'governance.read', { projectId: found.projectId });
	const [approval] = await db
		.select({
			sha256: minutesApproval.sha256,
			text: minutesApproval.text,
			approvedAt: minutesApproval.approvedAt,
			approvedBy: person.name,
			atMeetingId: minutesApproval.atMeetingId
		})
		.from(minutesApproval)
		.innerJoin(person, eq(minutesApproval.approvedById, person.id))
		.where(eq(minutesApproval.meetingId, meetingId));
	const notes = await db
		.select({
			id: minutesNote.id,
			text: minutesNote.text,
			author: person.name,
			createdAt: minutesNote.createdAt
		})
		.from(minutesNote)
		.innerJoin(person, eq(minutesNote.authorId, person.id))
		.where(eq(minutesNote.meetingId, meetingId))
		.orderBy(asc(minutesNote.id));
	return {
		status: found.minutesStatus,
		amendmentWindowOpen: amendmentWindowOpen(found),
		amendmentOpensAt: found.amendmentOpensAt,
		amendmentClosesAt: found.amendmentClosesAt,
		approval: approval ?? null,
		notes
	};
}
