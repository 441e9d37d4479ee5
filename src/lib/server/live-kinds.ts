import { eq } from 'drizzle-orm';
import type { Db } from './db/client';
import { project } from './db/schema';
import type { Actor } from './access/policy';
import { resolveMinutesDocument } from './governance/minutes';
import { resolveActionsDocument, resolveSectionDocument } from './proposals/documents';
import { resolveLabBoardDocument } from './labs/board-document';
import { accessPermission, type DocumentPermission, type DocumentResolver } from './live/access';
import { parseDocumentName } from './live/name';
import {
	richTextSuggestions,
	sectionSuggestions,
	type SuggestionRules
} from './live/suggestion-rules';

export { writes, type DocumentAccess, type DocumentPermission } from './live/access';
export type { SuggestionRules } from './live/suggestion-rules';

/**
 * Every kind of live document, `<kind>:<id>` → the resolver of its access rule. It sits above
 * the domains (it imports them; they import only `live/`), so the arrow points one way. A
 * feature that adds a kind registers its resolver here and nowhere else; the collaboration
 * server and the pages then ask the same policy (docs/architecture.md, "Adding a live-document
 * kind").
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
	/** A lab session's board: cards, groups and notes its participants move and write together. */
	labboard: resolveLabBoardDocument
};

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
	return accessPermission(db, actor, await resolve(db, parsed.id));
}

/**
 * The kinds with suggestion mode, and how the collaboration server judges a suggest-only
 * update of each. A kind whose access can answer `suggest` registers its rules here; without
 * rules every update of a suggest-only person is refused.
 */
export const SUGGESTION_RULES: Record<string, SuggestionRules> = {
	section: sectionSuggestions,
	minutes: richTextSuggestions
};

/** The suggestion rules of a document by its name, or null when its kind has none. */
export function suggestionRulesFor(name: string): SuggestionRules | null {
	const kind = parseDocumentName(name)?.kind;
	return kind && Object.hasOwn(SUGGESTION_RULES, kind) ? SUGGESTION_RULES[kind] : null;
}
