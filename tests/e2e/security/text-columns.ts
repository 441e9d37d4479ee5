/** The schema's text columns, read from drizzle's tables: the XSS corpus must classify each. */
import { getTableColumns, is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../../../src/lib/server/db/schema';

/** `table.column` of every plain text column of the schema, in the database's own names. */
export function textColumns(): string[] {
	const found: string[] = [];
	for (const value of Object.values(schema)) {
		if (!is(value, PgTable)) continue;
		const table = getTableConfig(value).name;
		for (const column of Object.values(getTableColumns(value))) {
			if (column.columnType !== 'PgText' || column.enumValues?.length) continue;
			// The schema uses `casing: 'snake_case'`: the property name becomes the column name.
			found.push(`${table}.${column.name.replace(/[A-Z]/g, (c: string) => `_${c.toLowerCase()}`)}`);
		}
	}
	return found;
}
