import { bigserial, index, bigint, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea, createdAt } from './columns';

/** Append-only log of Yjs updates, one row per accepted update (or group-committed batch). */
export const collabUpdate = pgTable(
	'collab_update',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		documentName: text().notNull(),
		update: bytea().notNull(),
		createdAt: createdAt()
	},
	(t) => [index('collab_update_document_idx').on(t.documentName, t.id)]
);

/** Compacted state of a document: every update with id ≤ upToUpdateId is merged into `state`. */
export const collabSnapshot = pgTable('collab_snapshot', {
	documentName: text().primaryKey(),
	state: bytea().notNull(),
	upToUpdateId: bigint({ mode: 'number' }).notNull(),
	updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});
