import * as Y from 'yjs';
import type { Db } from '../db/client';
import { InvalidError } from '../errors';
import { TAVOLO_AUTHOR } from './authorship/claims';
import type { InvalidationBus } from './invalidation';
import { parseDocumentName } from './name';
import { appendStoredUpdates, readDocument } from './store';
import { documentTextRow, isIndexedDocument, writeDocumentText } from './document-text';
import type { DocumentUpdateBus } from './update-bus';

/**
 * What domain code does to live documents besides its own rows: read one, store an update that
 * connected editors receive at once, and make the collaboration server decide access again.
 * The one port for every kind (proposal sections, minutes, lab boards): domain modules take it,
 * the request's context builds it from the runtime, tests use the real one.
 */
export interface LiveDocuments {
	read(name: string): Promise<Y.Doc>;
	write(name: string, update: Uint8Array): Promise<void>;
	/** The document's access rule changed (a lock, frozen minutes): open editors are re-checked. */
	invalidate(name: string): void;
}

/** The per-process parts the port is built from (the runtime has them). */
export interface LiveBuses {
	db: Db;
	documents: DocumentUpdateBus;
	invalidations: InvalidationBus;
}

export function liveDocuments(runtime: LiveBuses): LiveDocuments {
	return {
		read: (name) => readDocument(runtime.db, name),
		write: (name, update) => writeDocumentUpdate(runtime, name, update),
		invalidate: (documentName) => runtime.invalidations.publish({ documentName })
	};
}

/**
 * Stores an update made by domain code and shows it to everyone editing the document. Does not
 * check access: the calling domain function has authorised its own action first.
 */
export async function writeDocumentUpdate(
	runtime: Pick<LiveBuses, 'db' | 'documents'>,
	name: string,
	update: Uint8Array
): Promise<void> {
	if (!parseDocumentName(name)) throw new InvalidError('collab_invalid_document');
	try {
		Y.decodeUpdate(update);
	} catch {
		throw new InvalidError('collab_invalid_update');
	}
	await appendStoredUpdates(runtime.db, [{ documentName: name, update, authorId: TAVOLO_AUTHOR }]);
	runtime.documents.publish({ name, update });
	await refreshDocumentText(runtime.db, name);
}

/**
 * Search's copy of a document's text (ADR 0140), read again from the store: domain writes
 * (seeding, restores, marks) are rare, and editors' own changes are indexed when compacted.
 */
export async function refreshDocumentText(db: Db, name: string): Promise<void> {
	if (!isIndexedDocument(name)) return;
	const doc = await readDocument(db, name);
	const text = documentTextRow(name, doc);
	doc.destroy();
	if (text) await writeDocumentText(db, text);
}
