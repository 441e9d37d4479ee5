import {
	type AnyPgColumn,
	bigserial,
	index,
	integer,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { bytea, createdAt, id } from './columns';
import { organisation, person } from './people';
import { project } from './projects';
import { district } from './territories';

/** Who approves a body's minutes: the chair alone, or the body at its next meeting. */
export const minutesApprovalRule = pgEnum('minutes_approval_rule', ['chair', 'next_meeting']);

/** Cabina di regia allargata, ristretta, gruppo di lavoro territoriale, gruppo tecnico. */
export const bodyKind = pgEnum('body_kind', [
	'steering_committee',
	'restricted_committee',
	'working_group',
	'technical_group'
]);
/** How many members must be present: more than half, two thirds, or a fixed number. */
export const quorumRule = pgEnum('quorum_rule', ['majority', 'two_thirds', 'fixed']);
export const bodyRole = pgEnum('body_role', ['chair', 'secretary', 'member']);

export const body = pgTable(
	'body',
	{
		id: id(),
		projectId: uuid()
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		kind: bodyKind().notNull(),
		name: text().notNull(),
		description: text().notNull().default(''),
		/** The territory of a working group (gruppo di lavoro per ambito). */
		districtId: uuid().references(() => district.id),
		quorumRule: quorumRule().notNull().default('majority'),
		quorumFixed: integer(),
		minutesApprovalRule: minutesApprovalRule().notNull().default('chair'),
		createdAt: createdAt()
	},
	(t) => [index('body_project_idx').on(t.projectId)]
);

export const bodyMember = pgTable(
	'body_member',
	{
		id: id(),
		bodyId: uuid()
			.notNull()
			.references(() => body.id, { onDelete: 'cascade' }),
		personId: uuid()
			.notNull()
			.references(() => person.id),
		organisationId: uuid().references(() => organisation.id),
		role: bodyRole().notNull().default('member'),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('body_member_unique').on(t.bodyId, t.personId),
		index('body_member_person_idx').on(t.personId)
	]
);

/** draft: written live · circulated: amendment window · approved: frozen for ever. */
export const minutesStatus = pgEnum('minutes_status', ['draft', 'circulated', 'approved']);

export const meeting = pgTable(
	'meeting',
	{
		id: id(),
		bodyId: uuid()
			.notNull()
			.references(() => body.id, { onDelete: 'cascade' }),
		/** Copied from the body so that the policy can be asked without a join. */
		projectId: uuid()
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		title: text().notNull(),
		startsAt: timestamp({ withTimezone: true }).notNull(),
		endsAt: timestamp({ withTimezone: true }).notNull(),
		place: text().notNull().default(''),
		videoLink: text().notNull().default(''),
		minutesStatus: minutesStatus().notNull().default('draft'),
		amendmentOpensAt: timestamp({ withTimezone: true }),
		amendmentClosesAt: timestamp({ withTimezone: true }),
		/** When the chair actually opened and closed the sitting, for the verbale. */
		openedAt: timestamp({ withTimezone: true }),
		closedAt: timestamp({ withTimezone: true }),
		createdById: uuid().references(() => person.id),
		createdAt: createdAt()
	},
	(t) => [index('meeting_body_idx').on(t.bodyId, t.startsAt)]
);

export const agendaItem = pgTable(
	'agenda_item',
	{
		id: id(),
		meetingId: uuid()
			.notNull()
			.references(() => meeting.id, { onDelete: 'cascade' }),
		position: integer().notNull(),
		title: text().notNull()
	},
	(t) => [uniqueIndex('agenda_item_position_unique').on(t.meetingId, t.position)]
);

/** `excused`: absent with justification (assente giustificato), as Italian minutes record it. */
export const attendanceStatus = pgEnum('attendance_status', [
	'present',
	'absent',
	'delegated',
	'excused'
]);

export const attendance = pgTable(
	'attendance',
	{
		meetingId: uuid()
			.notNull()
			.references(() => meeting.id, { onDelete: 'cascade' }),
		personId: uuid()
			.notNull()
			.references(() => person.id),
		status: attendanceStatus().notNull(),
		/** With `delegated`: the member who holds the proxy (delega). */
		delegateId: uuid().references(() => person.id)
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.personId] })]
);

/** The approved verbale, stored once and never updated: state, text and their hash. */
export const minutesApproval = pgTable('minutes_approval', {
	meetingId: uuid()
		.primaryKey()
		.references(() => meeting.id),
	state: bytea().notNull(),
	text: text().notNull(),
	sha256: text().notNull(),
	approvedById: uuid()
		.notNull()
		.references(() => person.id),
	approvedAt: createdAt(),
	/** With the `next_meeting` rule: the sitting whose first item approved these minutes. */
	atMeetingId: uuid().references((): AnyPgColumn => meeting.id)
});

/** Guests of a sitting who are not members of the body (invitati): named in the verbale. */
export const meetingGuest = pgTable(
	'meeting_guest',
	{
		id: id(),
		meetingId: uuid()
			.notNull()
			.references(() => meeting.id, { onDelete: 'cascade' }),
		name: text().notNull(),
		organisationName: text().notNull().default(''),
		role: text().notNull().default(''),
		createdAt: createdAt()
	},
	(t) => [index('meeting_guest_meeting_idx').on(t.meetingId)]
);

/** Corrections after approval: new notes linked to the frozen minutes, never edits. */
export const minutesNote = pgTable('minutes_note', {
	id: bigserial({ mode: 'number' }).primaryKey(),
	meetingId: uuid()
		.notNull()
		.references(() => meeting.id, { onDelete: 'cascade' }),
	authorId: uuid()
		.notNull()
		.references(() => person.id),
	text: text().notNull(),
	createdAt: createdAt()
});

/** Per-person secret for calendar feeds; only its SHA-256 is stored. */
export const calendarFeedToken = pgTable('calendar_feed_token', {
	personId: uuid()
		.primaryKey()
		.references(() => person.id, { onDelete: 'cascade' }),
	tokenHash: text().notNull().unique(),
	createdAt: createdAt()
});

export type Body = typeof body.$inferSelect;
export type BodyMember = typeof bodyMember.$inferSelect;
export type BodyKind = (typeof bodyKind.enumValues)[number];
export type BodyRole = (typeof bodyRole.enumValues)[number];
export type QuorumRule = (typeof quorumRule.enumValues)[number];
export type Meeting = typeof meeting.$inferSelect;
export type AgendaItem = typeof agendaItem.$inferSelect;
export type AttendanceStatus = (typeof attendanceStatus.enumValues)[number];
export type MeetingGuest = typeof meetingGuest.$inferSelect;
export type MinutesApprovalRule = (typeof minutesApprovalRule.enumValues)[number];
export type MinutesStatus = (typeof minutesStatus.enumValues)[number];
