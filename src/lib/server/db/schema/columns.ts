import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Binary column for Yjs updates; PGlite gives Uint8Array, postgres.js a Buffer (also one). */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea'
});

export const id = () => uuid().primaryKey().defaultRandom();
export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
