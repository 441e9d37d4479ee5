/**
 * `npm run restore -- <file>`: replaces the whole database with a backup, in one transaction.
 * Stop Tavolo first. The database is migrated to this version's schema; a backup from another
 * version is refused with an explanation.
 */
import { resolve } from 'node:path';
import { readConfig } from '../src/lib/server/config';
import { readBackupFile } from '../src/lib/server/backup/backup-file';
import { restoreBackup } from '../src/lib/server/backup/restore';
import { openDatabase } from '../src/lib/server/db/client';
import { migrate } from '../src/lib/server/db/migrate';

const file = process.argv[2];
if (!file) {
	console.error('Usage: npm run restore -- <file.json[.gz]>');
	process.exit(2);
}
try {
	const backup = await readBackupFile(file);
	const database = await openDatabase(readConfig());
	try {
		await migrate(database, resolve('drizzle'));
		await restoreBackup(database.db, backup);
		const rows = backup.tables.reduce((sum, table) => sum + table.rows.length, 0);
		console.log(`Restored ${rows} rows in ${backup.tables.length} tables from ${file}.`);
	} finally {
		await database.close();
	}
} catch (error) {
	console.error(`Restore failed: ${(error as Error).message}`);
	process.exit(1);
}
