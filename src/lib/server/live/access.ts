import type { Db } from '../db/client';
import type { Action } from '../access/actions';
import { decide, findGrant, type Actor, type Grant, type Resource } from '../access/policy';

/**
 * Who may do what with a live document, in one place: the collaboration server asks it on every
 * handshake (through the kinds registry, live-kinds.ts) and pages ask it to open their editors,
 * so one policy answers both doors.
 */

/** How a live document maps to its domain object, and which actions read and write it. */
export interface DocumentAccess {
	resource: Resource;
	read: Action;
	write: Action;
	/**
	 * When given, writing *directly* also needs this; whoever has only `write` may add their own
	 * suggestions and nothing else, which the collaboration server enforces (ADR 0095).
	 */
	edit?: { action: Action; resource: Resource };
}

/** A kind's resolver: the document's id → its access rule (null: no such object). */
export type DocumentResolver = (db: Db, id: string) => Promise<DocumentAccess | null>;

/** `suggest`: may write, but only their own suggestions (track changes); `write`: anything. */
export type DocumentPermission = 'none' | 'read' | 'suggest' | 'write';

/** How a page opens its editor: the same answer as the socket's, in the editor's words. */
export type EditorMode = 'edit' | 'suggest' | 'read';

/** Whether the connection may send updates at all (suggesters' are checked, ADR 0095). */
export const writes = (permission: DocumentPermission) =>
	permission === 'write' || permission === 'suggest';

/** The decision itself, for a grant already found. */
export function permissionOf(grant: Grant | null, access: DocumentAccess): DocumentPermission {
	if (decide(grant, access.write, access.resource)) {
		const { edit } = access;
		return !edit || decide(grant, edit.action, edit.resource) ? 'write' : 'suggest';
	}
	if (decide(grant, access.read, access.resource)) return 'read';
	return 'none';
}

/** What this actor may do with a document whose access rule is known. */
export async function accessPermission(
	db: Db,
	actor: Actor | null,
	access: DocumentAccess | null
): Promise<DocumentPermission> {
	if (!actor || !access) return 'none';
	return permissionOf(await findGrant(db, actor.id, access.resource.projectId), access);
}

export function editorMode(permission: DocumentPermission): EditorMode {
	if (permission === 'write') return 'edit';
	return permission === 'suggest' ? 'suggest' : 'read';
}
