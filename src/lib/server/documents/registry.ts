import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { project } from '../db/schema';
import type { Action } from '../access/actions';
import { decide, findGrant, type Actor, type Resource } from '../access/policy';
import { parseDocumentName } from './document-name';
import { resolveMinutesDocument } from '../governance/minutes';
import { resolveActionsDocument, resolveSectionDocument } from '../proposals/documents';
import { resolveLabBoardDocument } from '../labs/board-document';

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

export type DocumentResolver = (db: Db, id: string) => Promise<DocumentAccess | null>;

/**
 * Every kind of live document. A feature that adds one registers its resolver here; the
 * collaboration server then asks the same policy as the pages do.
 */
export const DOCUMENT_KINDS: Record<string, DocumentResolver> = {
	/** The project's shared notes page (the first live document). */
	notes: async (db, id) => {
		const [found] = await db.select({ id: project.id }).from(project).where(eq(project.id, id));
		return found
			? { resource: { projectId: found.id }, read: 'document.read', write: 'document.write' }
			: null;
	},
	/** A proposal section's rich text (owners edit, other partners suggest). */
	section: resolveSectionDocument,
	/** A proposal's structured action blocks (section 5 of the ten-point schema). */
	actions: resolveActionsDocument,
	/** A meeting's live minutes: members write the draft, suggest amendments in the window; frozen once approved. */
	minutes: resolveMinutesDocument,
	/** A lab session's board (cards, clusters) and live notes: participants write (ADR 0110). */
	labboard: resolveLabBoardDocument
};

/** `suggest`: may write, but only their own suggestions (track changes); `write`: anything. */
export type DocumentPermission = 'none' | 'read' | 'suggest' | 'write';

/** Whether the connection may send updates at all (suggesters' are checked, ADR 0095). */
export const writes = (permission: DocumentPermission) =>
	permission === 'write' || permission === 'suggest';

/** One question for the collaboration server: what may this actor do with this document? */
export async function documentPermission(
	db: Db,
	actor: Actor | null,
	name: string
): Promise<DocumentPermission> {
	const parsed = parseDocumentName(name);
	const resolve =
		parsed && Object.hasOwn(DOCUMENT_KINDS, parsed.kind) ? DOCUMENT_KINDS[parsed.kind] : undefined;
	if (!actor || !parsed || !resolve) return 'none';
	const access = await resolve(db, parsed.id);
	if (!access) return 'none';
	const grant = await findGrant(db, actor.id, access.resource.projectId);
	if (decide(grant, access.write, access.resource)) {
		const { edit } = access;
		return !edit || decide(grant, edit.action, edit.resource) ? 'write' : 'suggest';
	}
	if (decide(grant, access.read, access.resource)) return 'read';
	return 'none';
}
