/**
 * The decision register's status machine, browser-safe so the page offers only the moves the
 * server will accept. proposed → approved → in_progress → done; rejected and superseded end it.
 */
export const DECISION_STATUSES = [
	'proposed',
	'approved',
	'in_progress',
	'done',
	'rejected',
	'superseded'
] as const;

export type DecisionStatusValue = (typeof DECISION_STATUSES)[number];

const NEXT: Record<DecisionStatusValue, readonly DecisionStatusValue[]> = {
	proposed: ['approved', 'rejected', 'superseded'],
	approved: ['in_progress', 'done', 'superseded'],
	in_progress: ['done', 'superseded'],
	// A later decision may replace even one carried out.
	done: ['superseded'],
	rejected: [],
	superseded: []
};

export function nextStatuses(from: DecisionStatusValue): readonly DecisionStatusValue[] {
	return NEXT[from];
}

export function canTransition(from: DecisionStatusValue, to: DecisionStatusValue): boolean {
	return NEXT[from].includes(to);
}

/** Still to be carried out: these count as overdue once their due date has passed. */
export const OPEN_STATUSES: readonly DecisionStatusValue[] = [
	'proposed',
	'approved',
	'in_progress'
];

export function isOverdue(
	decision: { status: DecisionStatusValue; dueOn: string | null },
	today: string
): boolean {
	return (
		decision.dueOn !== null && decision.dueOn < today && OPEN_STATUSES.includes(decision.status)
	);
}
