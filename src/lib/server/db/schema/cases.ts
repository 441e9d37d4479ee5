import {
	boolean,
	date,
	index,
	jsonb,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
import { organisation, person } from './people';
import { project } from './projects';
import { municipality } from './territories';
import { CASE_EVENT_KINDS, CASE_STATUSES } from '../../../cases/case-values';
import type { EventDetails, ReferralSource, TargetCategory } from '../../../cases/pathway-values';

/** Where a person's path into work stands (004: intake → agreement → actions; 003: hires). */
export const caseStatus = pgEnum('case_status', CASE_STATUSES);

/** What happened on the path: the events that later feed the indicators (003, 004). */
export const caseEventKind = pgEnum('case_event_kind', CASE_EVENT_KINDS);

/**
 * A person followed by one organisation in one project, known here by a pseudonym only.
 * Identifying data lives in `case_identity`, apart, so that every query that does not join it
 * is pseudonymous by construction.
 */
export const caseRecord = pgTable(
	'case_record',
	{
		id: id(),
		projectId: uuid()
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		organisationId: uuid()
			.notNull()
			.references(() => organisation.id),
		pseudonym: text().notNull(),
		status: caseStatus().notNull().default('referred'),
		/** The indicators' dimensions (codes of lib/cases/pathway-values.ts): never identifying. */
		targetCategory: text().$type<TargetCategory>(),
		municipalityId: uuid().references(() => municipality.id),
		referralSource: text().$type<ReferralSource>(),
		createdById: uuid().references(() => person.id),
		createdAt: createdAt(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('case_record_project_pseudonym_unique').on(t.projectId, t.pseudonym),
		index('case_record_project_organisation_idx').on(t.projectId, t.organisationId)
	]
);

/** Who the person is: read only by the case operators of the record's organisation. */
export const caseIdentity = pgTable('case_identity', {
	caseId: uuid()
		.primaryKey()
		.references(() => caseRecord.id, { onDelete: 'cascade' }),
	fullName: text().notNull(),
	fiscalCode: text(),
	phone: text(),
	email: text()
});

/** The dated log of the path; a note's text is as personal as the identity. */
export const caseEvent = pgTable(
	'case_event',
	{
		id: id(),
		caseId: uuid()
			.notNull()
			.references(() => caseRecord.id, { onDelete: 'cascade' }),
		kind: caseEventKind().notNull(),
		occurredOn: date().notNull(),
		note: text().notNull().default(''),
		/**
		 * The kind's structured fields (hours, host organisation, months, contract…), validated by
		 * lib/cases/event-form.ts and counted by SQL (docs/labs.md). `{}` for events written before.
		 */
		details: jsonb().$type<EventDetails>().notNull().default({}),
		/** The status the path moved to with this event; null when it stayed where it was. */
		status: caseStatus(),
		authorId: uuid().references(() => person.id),
		createdAt: createdAt()
	},
	(t) => [index('case_event_case_idx').on(t.caseId, t.occurredOn)]
);

/**
 * The six-month follow-up an outcome calls for (the ESF+ longer-term result): a hire or a
 * closure schedules it, in the transaction that writes the event, as a to-do of the case's
 * operators until a `follow_up` event records it. One waits per case: a later outcome moves it.
 */
export const caseFollowUp = pgTable(
	'case_follow_up',
	{
		id: id(),
		caseId: uuid()
			.notNull()
			.references(() => caseRecord.id, { onDelete: 'cascade' }),
		/** The outcome (hire, closure) it follows; the latest one when several were recorded. */
		outcomeEventId: uuid()
			.notNull()
			.references(() => caseEvent.id, { onDelete: 'cascade' }),
		dueOn: date().notNull(),
		/** The follow-up event that recorded it; null while it waits. */
		doneEventId: uuid().references(() => caseEvent.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [
		index('case_follow_up_case_idx').on(t.caseId),
		index('case_follow_up_due_idx').on(t.dueOn)
	]
);

export type CaseFollowUp = typeof caseFollowUp.$inferSelect;

export type CaseRecord = typeof caseRecord.$inferSelect;
export type CaseIdentity = typeof caseIdentity.$inferSelect;
export type CaseEvent = typeof caseEvent.$inferSelect;
export type CaseStatus = (typeof caseStatus.enumValues)[number];
export type CaseEventKind = (typeof caseEventKind.enumValues)[number];

/**
 * Where a referral to another organisation stands: only an accepted one moves any access, and
 * withdrawing it (by the sender) takes that access back.
 */
export const caseReferralStatus = pgEnum('case_referral_status', [
	'pending',
	'accepted',
	'declined',
	'withdrawn'
]);

/**
 * A person referred by the record's organisation to another organisation of the network. The
 * receiving organisation's operators read the pseudonym and the reason; the identity (and the
 * operators' notes) only once they accept a referral that shares it.
 */
export const caseReferral = pgTable(
	'case_referral',
	{
		id: id(),
		caseId: uuid()
			.notNull()
			.references(() => caseRecord.id, { onDelete: 'cascade' }),
		fromOrganisationId: uuid()
			.notNull()
			.references(() => organisation.id),
		toOrganisationId: uuid()
			.notNull()
			.references(() => organisation.id),
		/** Why the person is referred: written for the receiver, so no identifying details. */
		reason: text().notNull(),
		sharesIdentity: boolean().notNull(),
		status: caseReferralStatus().notNull().default('pending'),
		/** Why the receiver declined; null otherwise. */
		declineReason: text(),
		referredById: uuid().references(() => person.id),
		decidedById: uuid().references(() => person.id),
		decidedAt: timestamp({ withTimezone: true }),
		/** Why the sender withdrew an accepted referral; null otherwise. */
		withdrawReason: text(),
		withdrawnById: uuid().references(() => person.id),
		withdrawnAt: timestamp({ withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		index('case_referral_case_idx').on(t.caseId),
		index('case_referral_to_idx').on(t.toOrganisationId, t.status)
	]
);

export type CaseReferral = typeof caseReferral.$inferSelect;
