import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { countMigrations, listTables, query, type Backup } from './backup';

export class RestoreError extends Error {}

const BATCH = 500;

/**
 * Replaces every row of a migrated database with the backup's, in one transaction: either the
 * whole backup is in, or nothing changed. Foreign keys are not checked row by row (the backup
 * is consistent as a whole); generated columns are computed again; sequences continue after
 * the highest restored id.
 */
export async function restoreBackup(db: Db, backup: Backup): Promise<void> {
	if (backup.format !== 'tavolo-backup' || backup.version !== 1) {
		throw new RestoreError('Not a Tavolo backup file.');
	}
	const migrations = await countMigrations(db);
	if (migrations !== backup.migrations) {
		throw new RestoreError(
			`The backup was taken at migration ${backup.migrations}, the database is at ${migrations}: ` +
				'restore with the Tavolo version that made the backup, then upgrade.'
		);
	}
	await db.transaction(async (tx) => {
		const t = tx as unknown as Db;
		const present = new Set(await listTables(t));
		const missing = backup.tables.filter((table) => !present.has(table.name));
		if (missing.length > 0) {
			throw new RestoreError(
				`Unknown tables in the backup: ${missing.map((m) => m.name).join(', ')}`
			);
		}
		await t.execute(sql`set local session_replication_role = replica`);
		const all = [...present].map((name) => sql.identifier(name));
		await t.execute(sql`truncate ${sql.join(all, sql`, `)} cascade`);
		for (const table of backup.tables) {
			const columns = await insertableColumns(t, table.name);
			const list = sql.join(
				columns.map((c) => sql.identifier(c)),
				sql`, `
			);
			for (let i = 0; i < table.rows.length; i += BATCH) {
				const rows = JSON.stringify(table.rows.slice(i, i + BATCH));
				await t.execute(
					sql`insert into ${sql.identifier(table.name)} (${list})
						select ${list} from json_populate_recordset(null::${sql.identifier(table.name)}, ${rows}::json)`
				);
			}
			await continueSequences(t, table.name);
		}
	});
}

async function insertableColumns(db: Db, table: string): Promise<string[]> {
	const rows = await query<{ name: string }>(
		db,
		sql`select column_name as name from information_schema.columns
			where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER'
			order by ordinal_position`
	);
	return rows.map((row) => row.name);
}

async function continueSequences(db: Db, table: string): Promise<void> {
	const columns = await query<{ name: string; seq: string }>(
		db,
		sql`select column_name as name, pg_get_serial_sequence(${`public.${table}`}, column_name) as seq
			from information_schema.columns where table_schema = 'public' and table_name = ${table}`
	);
	for (const { name, seq } of columns) {
		if (!seq) continue;
		await db.execute(
			sql`select setval(${seq}, coalesce((select max(${sql.identifier(name)}) from ${sql.identifier(table)}), 0) + 1, false)`
		);
	}
}
