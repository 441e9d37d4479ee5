import { pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

/**
 * The demo steps already applied to this database. Each step runs once, ever: a demo row that a
 * user later edits or deletes stays that way across restarts, and a step added in a later
 * release still runs on an existing database.
 */
export const demoSeedStep = pgTable('demo_seed_step', {
	name: text().primaryKey(),
	appliedAt: createdAt()
});
