import {
	bigserial,
	index,
	bigint,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { bytea, createdAt } from './columns';

/**
 * Append-only log of Yjs updates, one row per accepted update (or group-committed batch).
 * `authorId` is who the server saw send it: a person's id, the nil UUID for Tavolo itself
 * (restores, seeding, marks written by domain code), null for rows older than attribution
 * (ADR 0056). No foreign key: the nil UUID is nobody, and the hot log stays one insert.
 */
export const collabUpdate = pgTable(
	'collab_update',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		documentName: text().notNull(),
		update: bytea().notNull(),
		authorId: uuid(),
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

/**
 * Who sent which Yjs structs, folded from compacted updates (ADR 0057): the structs of Yjs
 * client `client` with clocks in [clockStart, clockEnd) were first received from `authorId`.
 * Segments of one document never overlap; clocks nobody claimed have no author.
 */
export const collabAuthorship = pgTable(
	'collab_authorship',
	{
		documentName: text().notNull(),
		client: bigint({ mode: 'number' }).notNull(),
		clockStart: bigint({ mode: 'number' }).notNull(),
		clockEnd: bigint({ mode: 'number' }).notNull(),
		authorId: uuid().notNull()
	},
	(t) => [primaryKey({ columns: [t.documentName, t.client, t.clockStart] })]
);
