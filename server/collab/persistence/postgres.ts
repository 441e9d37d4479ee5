import type { Db } from '$lib/server/db/client';
import {
	appendStoredUpdates,
	compactStoredDocument,
	loadStoredUpdates
} from '$lib/server/live/store';
import { createMentionScanner, type MentionScannerOptions } from '$lib/server/mentions/scanner';
import type { Persistence } from '../persistence';
import { createGroupCommit } from './group-commit';

interface Row {
	documentName: string;
	update: Uint8Array;
	authorId: string;
}

/**
 * PostgreSQL (or PGlite) through the document store, with appends group-committed. Once stored,
 * a document is read again for new mentions (ADR 0180): the server's copy, not the client's word
 * — the room's live copy when it is open, the stored updates otherwise.
 */
export function createPostgresPersistence(
	db: Db,
	options: Pick<MentionScannerOptions, 'liveDocument'> = {}
): Persistence {
	const mentions = createMentionScanner(db, options);
	const commit = createGroupCommit<Row>({
		write: async (rows) => {
			await appendStoredUpdates(db, rows);
			for (const row of rows) mentions.stored(row.documentName, row.authorId);
		},
		keyOf: (row) => row.documentName
	});
	return {
		load: (name) => loadStoredUpdates(db, name),
		append: (name, update, authorId) => commit.add({ documentName: name, update, authorId }),
		async compact(name) {
			await compactStoredDocument(db, name);
		},
		close: async () => {
			await commit.drain();
			await mentions.drain();
		}
	};
}
