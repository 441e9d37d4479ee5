import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt, id } from './columns';
import { person } from './people';

export const exportJobPhase = pgEnum('export_job_phase', [
	'queued',
	'reading',
	'rendering',
	'done',
	'failed'
]);

/**
 * A long export (ADR 0058): its progress and, once done, the file. In the database so that any
 * instance behind the load balancer answers the polling; rows are deleted once expired.
 */
export const exportJob = pgTable(
	'export_job',
	{
		id: id(),
		ownerId: uuid()
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		phase: exportJobPhase().notNull().default('queued'),
		done: integer().notNull().default(0),
		total: integer().notNull().default(0),
		errorCode: text(),
		filename: text(),
		contentType: text(),
		bytes: bytea(),
		createdAt: createdAt(),
		/** Touched by every progress report: a running job not touched for long has lost its instance. */
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp({ withTimezone: true }).notNull()
	},
	(t) => [
		index('export_job_owner_idx').on(t.ownerId),
		index('export_job_expires_idx').on(t.expiresAt)
	]
);
