/**
 * `npm run backup -- <file>` (`.json` or `.json.gz`): a consistent copy of the whole database,
 * taken in one snapshot while people keep working. With DATABASE_URL it runs next to the live
 * servers; the embedded database (PGlite) is one process, so there Tavolo must be stopped.
 */
import { readConfig } from '../src/lib/server/config';
import { takeBackup } from '../src/lib/server/backup/backup';
import { writeBackupFile } from '../src/lib/server/backup/backup-file';
import { openDatabase } from '../src/lib/server/db/client';

const file = process.argv[2];
if (!file) {
	console.error('Usage: npm run backup -- <file.json[.gz]>');
	process.exit(2);
}
try {
	const database = await openDatabase(readConfig());
	try {
		const backup = await takeBackup(database.db);
		await writeBackupFile(file, backup);
		const rows = backup.tables.reduce((sum, table) => sum + table.rows.length, 0);
		console.log(`Backup written to ${file}: ${backup.tables.length} tables, ${rows} rows.`);
	} finally {
		await database.close();
	}
} catch (error) {
	console.error(`Backup failed: ${(error as Error).message}`);
	process.exit(1);
}
