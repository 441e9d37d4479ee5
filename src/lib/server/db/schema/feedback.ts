import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';

/**
 * What someone reported through the accessibility statement's feedback form (the "meccanismo
 * di feedback" AgID's guidelines require): who to answer, where, what. Read by the admins.
 */
export const accessibilityFeedback = pgTable('accessibility_feedback', {
	id: id(),
	name: text().notNull().default(''),
	email: text().notNull(),
	pageUrl: text().notNull().default(''),
	description: text().notNull(),
	locale: text().notNull().default('it'),
	handledAt: timestamp({ withTimezone: true }),
	createdAt: createdAt()
});
export type AccessibilityFeedback = typeof accessibilityFeedback.$inferSelect;
