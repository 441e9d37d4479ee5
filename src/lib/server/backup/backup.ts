import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query } from '../db/raw-query';

/**
 * A logical backup taken inside one repeatable-read, read-only transaction: every table as of
 * the same instant, while people keep editing (ADR 0072). Rows are serialised by PostgreSQL
 * itself (`row_to_json`) and restored through `json_populate_recordset`, so every type — bytea
 * of live documents, timestamps, enums, arrays — round-trips exactly, on PGlite and PostgreSQL.
 */
export interface Backup {
	format: 'tavolo-backup';
	version: 1;
	createdAt: string;
	/** Migrations applied when it was taken: a restore needs a database at the same point. */
	migrations: number;
	tables: { name: string; rows: unknown[] }[];
}

export { query };

export async function listTables(db: Db): Promise<string[]> {
	const rows = await query<{ name: string }>(
		db,
		sql`select table_name as name from information_schema.tables
			where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`
	);
	return rows.map((row) => row.name);
}

export async function countMigrations(db: Db): Promise<number> {
	const [row] = await query<{ n: number | string }>(
		db,
		sql`select count(*) as n from drizzle.__drizzle_migrations`
	);
	return Number(row.n);
}

export async function takeBackup(db: Db): Promise<Backup> {
	return db.transaction(
		async (tx) => {
			const tables: Backup['tables'] = [];
			for (const name of await listTables(tx as unknown as Db)) {
				const rows = await query<{ row: unknown }>(
					tx as unknown as Db,
					sql`select row_to_json(t) as row from ${sql.identifier(name)} t`
				);
				tables.push({
					name,
					rows: rows.map((r) => (typeof r.row === 'string' ? JSON.parse(r.row) : r.row))
				});
			}
			return {
				format: 'tavolo-backup' as const,
				version: 1 as const,
				createdAt: new Date().toISOString(),
				migrations: await countMigrations(tx as unknown as Db),
				tables
			};
		},
		{ isolationLevel: 'repeatable read', accessMode: 'read only' }
	);
}

/** Rows per table: what a restore or an upgrade must not lose. */
export async function countRows(db: Db): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const name of await listTables(db)) {
		const [row] = await query<{ n: string | number }>(
			db,
			sql`select count(*) as n from ${sql.identifier(name)}`
		);
		counts[name] = Number(row.n);
	}
	return counts;
}
