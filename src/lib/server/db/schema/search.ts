import { sql, type SQL } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { searchVector, tsvector } from './columns';

/**
 * The plain text of a live document (`<kind>:<id>`), written when the document is compacted or
 * changed by domain code, so that search can find what is written in proposal sections and
 * minutes (ADR 0140). Derived data: it can always be rebuilt from the document.
 */
export const liveDocumentText = pgTable(
	'live_document_text',
	{
		documentName: text().primaryKey(),
		/** The document's kind and id, parsed from its name, to join to the domain's rows. */
		kind: text().notNull(),
		refId: uuid().notNull(),
		body: text().notNull(),
		search: tsvector().generatedAlwaysAs((): SQL => searchVector(sql`${liveDocumentText.body}`)),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('live_document_text_ref_idx').on(t.kind, t.refId),
		index('live_document_text_search_idx').using('gin', t.search)
	]
);
