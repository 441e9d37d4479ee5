import type { Meeting } from '../db/schema';
import type { Resource } from '../access/policy';
import type { BodyAccess } from './body-access';

/**
 * Amendments to circulated minutes are tracked suggestions in the minutes document itself
 * (ADR 0065): during the window the body's members write `minutes:<id>` in suggestion mode, so
 * every change carries its author; the chair accepts or rejects each one in the editor. There
 * is no second record of amendments beside the text: the document and its update log are it.
 */

type Window = Pick<Meeting, 'minutesStatus' | 'amendmentOpensAt' | 'amendmentClosesAt'>;

/** Whether circulated minutes are inside their amendment window at `now`. */
export function amendmentWindowOpen(found: Window, now = new Date()): boolean {
	if (found.minutesStatus !== 'circulated') return false;
	const opens = found.amendmentOpensAt?.getTime() ?? 0;
	const closes = found.amendmentClosesAt?.getTime() ?? Infinity;
	return now.getTime() >= opens && now.getTime() <= closes;
}

/**
 * Who may write the minutes document now. Draft: every member. Circulated: every member inside
 * the window (their editor only suggests); the officers (chair, secretary) for the whole
 * circulation, because accepting or rejecting a suggestion is itself a change to the text.
 * Approved: nobody.
 */
export function minutesWriters(access: BodyAccess, found: Window, now = new Date()): Resource {
	const projectId = access.body.projectId;
	if (found.minutesStatus === 'draft' || amendmentWindowOpen(found, now)) {
		return { projectId, bodyMemberIds: access.memberIds, locked: false };
	}
	if (found.minutesStatus === 'circulated') {
		return { projectId, bodyMemberIds: access.officerIds, locked: false };
	}
	return { projectId, bodyMemberIds: access.memberIds, locked: true };
}

/**
 * Who may change the minutes directly, beyond suggesting: every member on the draft, the
 * officers once circulated (accepting or rejecting is a direct change). A member writing inside
 * the window may only add their own suggestions (ADR 0095).
 */
export function minutesEditors(access: BodyAccess, found: Window): Resource {
	const projectId = access.body.projectId;
	if (found.minutesStatus === 'draft') {
		return { projectId, bodyMemberIds: access.memberIds, locked: false };
	}
	return {
		projectId,
		bodyMemberIds: access.officerIds,
		locked: found.minutesStatus !== 'circulated'
	};
}
