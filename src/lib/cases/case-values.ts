/** The values of a case's path and log, in the order forms and filters show them. */
export const CASE_STATUSES = [
	'referred',
	'intake',
	'agreement',
	'training',
	'internship',
	'employed',
	'closed'
] as const;

export const CASE_EVENT_KINDS = [
	'referral',
	'intake',
	'assessment',
	'agreement',
	'orientation',
	'course',
	'internship',
	'tutoring',
	'hire',
	'closure',
	'note',
	// The ESF+ longer-term result: still employed six months after leaving? (Annex I, point 3)
	'follow_up'
] as const;

export type CaseStatusValue = (typeof CASE_STATUSES)[number];
export type CaseEventKindValue = (typeof CASE_EVENT_KINDS)[number];
