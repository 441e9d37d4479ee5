import { sql, type SQL } from 'drizzle-orm';
import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Binary column for Yjs updates; PGlite gives Uint8Array, postgres.js a Buffer (also one). */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea'
});

export const id = () => uuid().primaryKey().defaultRandom();
export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** A full-text vector; search columns are generated from text with `searchVector` (ADR 0140). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Italian stems and simple words, accents stripped: the SQL function of migration search_config. */
export const searchVector = (text: SQL): SQL => sql`tavolo_search_vector(${text})`;
