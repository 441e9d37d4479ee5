import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { CASE_STATUSES } from './case-values';
import {
	CLOSURE_REASONS,
	CONTRACT_KINDS,
	EMPLOYER_SECTORS,
	FOLLOW_UP_SITUATIONS,
	INTAKE_LEVELS,
	INTERNSHIP_OUTCOMES,
	type CaseEventDetails,
	type EventDetails
} from './pathway-values';
import { romeToday } from '../governance/rome-time';

/**
 * One entry of a case's log, with the structured fields of its kind. The form is flat (one
 * name per input, so each error lands on its field); the schema folds the kind's fields into
 * `details`, the jsonb that the indicators count.
 */
const pastDay = z.iso.date().refine((day) => day <= romeToday(), {
	error: () => m.cases_date_in_future()
});

const blankToUndefined = (value: unknown) =>
	typeof value === 'string' && value.trim() === '' ? undefined : value;

/** A number typed the Italian way or the English way ("12,5" or "12.5"), within bounds. */
function toNumber(value: unknown): unknown {
	const blank = blankToUndefined(value);
	if (typeof blank !== 'string') return blank;
	const normal = blank.trim().replace(/\s/g, '').replace(',', '.');
	return /^\d+(\.\d+)?$/.test(normal) ? Number(normal) : Number.NaN;
}
const bounded = (max: number, integer: boolean) =>
	(integer ? z.number().int() : z.number()).min(0).max(max);
const amount = (max: number, integer = false) => z.preprocess(toNumber, bounded(max, integer));
// Optional inside the preprocess: a blank input becomes undefined before the number check.
const optionalAmount = (max: number, integer = false) =>
	z.preprocess(toNumber, bounded(max, integer).optional());
const optionalText = (max: number) =>
	z.preprocess(blankToUndefined, z.string().trim().max(max).optional());
const optionalDay = z.preprocess(blankToUndefined, z.iso.date().optional());

const base = {
	occurredOn: pastDay,
	note: z.string().trim().max(4000).default(''),
	status: z
		.union([z.enum(CASE_STATUSES), z.literal('')])
		.optional()
		.transform((value) => value || null)
};

const kinds = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('referral'), ...base }),
	z.object({ kind: z.literal('intake'), ...base, intakeLevel: z.enum(INTAKE_LEVELS) }),
	z.object({
		kind: z.literal('assessment'),
		...base,
		assessmentHours: optionalAmount(200)
	}),
	z.object({ kind: z.literal('agreement'), ...base }),
	z.object({ kind: z.literal('orientation'), ...base, orientationHours: amount(500) }),
	z.object({
		kind: z.literal('course'),
		...base,
		courseTitle: z.string().trim().min(2).max(200),
		courseProvider: optionalText(200),
		hoursPlanned: optionalAmount(3000, true),
		hoursAttended: optionalAmount(3000, true),
		qualification: optionalText(200)
	}),
	z.object({
		kind: z.literal('internship'),
		...base,
		hostOrganisationId: z.uuid(),
		internshipStartOn: z.iso.date(),
		internshipEndOn: optionalDay,
		months: optionalAmount(24),
		monthlyAllowance: optionalAmount(5000),
		tutorHours: optionalAmount(500),
		outcome: z.enum(INTERNSHIP_OUTCOMES).default('ongoing')
	}),
	z.object({ kind: z.literal('tutoring'), ...base, tutoringHours: optionalAmount(500) }),
	z.object({
		kind: z.literal('hire'),
		...base,
		employerOrganisationId: z.uuid(),
		sector: z.enum(EMPLOYER_SECTORS),
		contract: z.enum(CONTRACT_KINDS),
		hoursPerWeek: optionalAmount(60),
		hireStartOn: z.iso.date()
	}),
	z.object({ kind: z.literal('closure'), ...base, closureReason: z.enum(CLOSURE_REASONS) }),
	z.object({ kind: z.literal('note'), ...base }),
	z.object({
		kind: z.literal('follow_up'),
		...base,
		followUpSituation: z.enum(FOLLOW_UP_SITUATIONS),
		followUpContract: z.preprocess(blankToUndefined, z.enum(CONTRACT_KINDS).optional())
	})
]);

type Kinds = z.infer<typeof kinds>;

/** Drops the fields left blank, so a stored event holds only what was said. */
function compact<T extends Record<string, unknown>>(fields: T): T {
	return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}

function detailsOf(event: Kinds): CaseEventDetails[keyof CaseEventDetails] {
	switch (event.kind) {
		case 'intake':
			return { level: event.intakeLevel };
		case 'assessment':
			return compact({ hours: event.assessmentHours });
		case 'orientation':
			return { hours: event.orientationHours };
		case 'course':
			return compact({
				title: event.courseTitle,
				provider: event.courseProvider,
				hoursPlanned: event.hoursPlanned,
				hoursAttended: event.hoursAttended,
				qualification: event.qualification
			});
		case 'internship':
			return compact({
				hostOrganisationId: event.hostOrganisationId,
				startOn: event.internshipStartOn,
				endOn: event.internshipEndOn,
				months: event.months ?? monthsBetween(event.internshipStartOn, event.internshipEndOn),
				monthlyAllowance: event.monthlyAllowance,
				tutorHours: event.tutorHours,
				outcome: event.outcome
			});
		case 'tutoring':
			return compact({ hours: event.tutoringHours });
		case 'hire':
			return compact({
				employerOrganisationId: event.employerOrganisationId,
				sector: event.sector,
				contract: event.contract,
				hoursPerWeek: event.hoursPerWeek,
				startOn: event.hireStartOn
			});
		case 'closure':
			return { reason: event.closureReason };
		case 'follow_up':
			// A contract only says something of a person still employed.
			return compact({
				situation: event.followUpSituation,
				contract: event.followUpSituation === 'employed' ? event.followUpContract : undefined
			});
		default:
			return {};
	}
}

/**
 * Internship-months as 003 counts them: whole and half months between start and end, so a
 * tirocinio from 1 March to 31 August is 6. Unknown while the end is unknown.
 */
export function monthsBetween(startOn: string, endOn: string | undefined): number | undefined {
	if (!endOn) return undefined;
	const start = new Date(`${startOn}T00:00:00Z`);
	const end = new Date(`${endOn}T00:00:00Z`);
	end.setUTCDate(end.getUTCDate() + 1);
	const whole =
		(end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth();
	const days = end.getUTCDate() - start.getUTCDate();
	const months = whole + days / 30;
	return Math.max(0, Math.round(months * 2) / 2);
}

export const caseEventForm = kinds
	.superRefine((event, context) => {
		if (event.kind === 'note' && event.note.length === 0) {
			context.addIssue({ code: 'custom', path: ['note'], message: m.cases_note_required() });
		}
		if (event.kind === 'internship' && event.internshipEndOn) {
			if (event.internshipEndOn < event.internshipStartOn) {
				context.addIssue({
					code: 'custom',
					path: ['internshipEndOn'],
					message: m.cases_end_before_start()
				});
			}
		}
		if (
			event.kind === 'course' &&
			event.hoursPlanned !== undefined &&
			event.hoursAttended !== undefined &&
			event.hoursAttended > event.hoursPlanned
		) {
			context.addIssue({
				code: 'custom',
				path: ['hoursAttended'],
				message: m.cases_attended_over_planned()
			});
		}
	})
	.transform((event) => ({
		kind: event.kind,
		occurredOn: event.occurredOn,
		note: event.note,
		status: event.status,
		details: detailsOf(event) as EventDetails
	}));
export type CaseEventInput = z.infer<typeof caseEventForm>;

/** The organisations an event names (host, employer): the server checks they are in the register. */
export function organisationsNamed(details: Record<string, unknown>): [string, string][] {
	const named: [string, string][] = [];
	if (typeof details.hostOrganisationId === 'string') {
		named.push(['hostOrganisationId', details.hostOrganisationId]);
	}
	if (typeof details.employerOrganisationId === 'string') {
		named.push(['employerOrganisationId', details.employerOrganisationId]);
	}
	return named;
}
