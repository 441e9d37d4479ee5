import type { Db } from '$lib/server/db/client';
import {
	appendStoredUpdates,
	compactStoredDocument,
	loadStoredUpdates
} from '$lib/server/live/store';
import type { Persistence } from '../persistence';
import { createGroupCommit } from './group-commit';

interface Row {
	documentName: string;
	update: Uint8Array;
	authorId: string;
}

/** PostgreSQL (or PGlite) through the document store, with appends group-committed. */
export function createPostgresPersistence(db: Db): Persistence {
	const commit = createGroupCommit<Row>({
		write: (rows) => appendStoredUpdates(db, rows),
		keyOf: (row) => row.documentName
	});
	return {
		load: (name) => loadStoredUpdates(db, name),
		append: (name, update, authorId) => commit.add({ documentName: name, update, authorId }),
		async compact(name) {
			await compactStoredDocument(db, name);
		},
		close: () => commit.drain()
	};
}
