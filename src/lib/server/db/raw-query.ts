import type { SQL } from 'drizzle-orm';
import type { Db } from './client';

type Row = Record<string, unknown>;

/** Rows of a raw query, whichever driver ran it (PGlite answers `{ rows }`, postgres.js an array). */
export async function query<T extends Row>(db: Db, statement: SQL): Promise<T[]> {
	const result = (await db.execute(statement)) as unknown as T[] | { rows: T[] };
	return Array.isArray(result) ? result : result.rows;
}
