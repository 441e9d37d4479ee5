/**
 * Child process for the compaction-kill test: opens the database named by the environment,
 * says `compacting`, compacts one document (to be SIGKILLed half-way), says `compacted`.
 */
import { openDatabase } from '../../../src/lib/server/db/client';
import { compactStoredDocument } from '../../../src/lib/server/live/store';

const database = await openDatabase({
	databaseUrl: process.env.DATABASE_URL,
	dataDir: process.env.DATA_DIR ?? 'unused'
});
console.log('compacting');
await compactStoredDocument(database.db, process.env.DOCUMENT_NAME ?? '');
console.log('compacted');
await database.close();
