import type { Actor } from '../access/policy';
import type { Db } from '../db/client';
import { NotFoundError } from '../errors';
import { accessPermission } from '../live/access';
import { DOCUMENT_KINDS } from '../live-kinds';
import { parseDocumentName } from '../live/name';
import { documentReaders, type Reader } from './readers';

const LIMIT = 8;

/** Lower case without accents: "Niccolò" is found by "nicco". */
function folded(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Whom the actor may mention in a document: the people who may read it (the policy's answer
 * for each member), whose name has a word starting with `query`. The actor must read it too;
 * otherwise the document does not exist for them.
 */
export async function mentionCandidates(
	db: Db,
	actor: Actor | null,
	documentName: string,
	query: string
): Promise<Reader[]> {
	const parsed = parseDocumentName(documentName);
	const resolve =
		parsed && Object.hasOwn(DOCUMENT_KINDS, parsed.kind) ? DOCUMENT_KINDS[parsed.kind] : undefined;
	const access = parsed && resolve ? await resolve(db, parsed.id) : null;
	if ((await accessPermission(db, actor, access)) === 'none' || !access) {
		throw new NotFoundError('not_found');
	}
	const wanted = folded(query.trim());
	return (await documentReaders(db, access))
		.filter((reader) => reader.id !== actor?.id)
		.filter(
			(reader) =>
				!wanted ||
				folded(reader.name)
					.split(/\s+/)
					.some((w) => w.startsWith(wanted))
		)
		.sort((a, b) => a.name.localeCompare(b.name, 'it'))
		.slice(0, LIMIT);
}
