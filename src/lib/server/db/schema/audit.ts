import { bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { person } from './people';

/** Append-only: who did or read what, when. Never stores personal data in `detail`. */
export const auditEntry = pgTable(
	'audit_entry',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		actorId: uuid().references(() => person.id),
		action: text().notNull(),
		resourceType: text().notNull(),
		resourceId: text(),
		projectId: uuid(),
		detail: jsonb().$type<Record<string, unknown>>(),
		at: createdAt()
	},
	(t) => [index('audit_entry_project_idx').on(t.projectId, t.at)]
);
