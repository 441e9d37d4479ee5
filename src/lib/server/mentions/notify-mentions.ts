import { and, eq, inArray, sql } from 'drizzle-orm';
import type * as Y from 'yjs';
import type { Db } from '../db/client';
import { notification } from '../db/schema';
import { DOCUMENT_KINDS } from '../live-kinds';
import { parseDocumentName } from '../live/name';
import { notify } from '../notifications/notify';
import { mentionedIn } from './in-document';
import { documentPlace } from './place';
import { documentReaders } from './readers';

/**
 * Tells the people mentioned in a stored live document, once each per document (ADR 0180).
 * Only those who may read the document are told: a mention of anyone else (typed by hand, or
 * sent by a client that skipped the suggestion list) does nothing. `authorId` is whoever wrote
 * the last stored update; mentioning yourself tells no one. Returns who was told.
 */
export async function notifyDocumentMentions(
	db: Db,
	documentName: string,
	doc: Y.Doc,
	authorId?: string
): Promise<string[]> {
	const parsed = parseDocumentName(documentName);
	const resolve =
		parsed && Object.hasOwn(DOCUMENT_KINDS, parsed.kind) ? DOCUMENT_KINDS[parsed.kind] : undefined;
	if (!parsed || !resolve) return [];
	const mentioned = [...mentionedIn(doc)].filter((id) => id !== authorId);
	if (mentioned.length === 0) return [];
	const access = await resolve(db, parsed.id);
	if (!access) return [];
	const place = await documentPlace(db, parsed);
	if (!place) return [];
	return db.transaction(async (tx) => {
		// Two instances storing the same document at once tell each person once.
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'mention:' + documentName}))`);
		const readers = (await documentReaders(tx, access, mentioned)).map((reader) => reader.id);
		if (readers.length === 0) return [];
		const told = await tx
			.select({ recipientId: notification.recipientId })
			.from(notification)
			.where(
				and(
					eq(notification.kind, 'mention'),
					eq(notification.resourceId, parsed.id),
					inArray(notification.recipientId, readers)
				)
			);
		const already = new Set(told.map((row) => row.recipientId));
		const recipientIds = readers.filter((id) => !already.has(id));
		await notify(tx, {
			recipientIds,
			kind: 'mention',
			projectId: access.resource.projectId,
			resourceId: parsed.id,
			title: place.title,
			link: place.link
		});
		return recipientIds;
	});
}
