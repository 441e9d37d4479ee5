/**
 * Quorum of a meeting, pure. A delegated member counts when the delegate is present and is a
 * member of the body: the proxy (delega) represents them.
 */
export type QuorumRuleValue = 'majority' | 'two_thirds' | 'fixed';
export type AttendanceValue = 'present' | 'absent' | 'delegated' | 'excused';

export interface QuorumInput {
	rule: QuorumRuleValue;
	/** With `fixed`: how many must be represented. */
	fixed: number | null;
	memberIds: readonly string[];
	attendance: readonly { personId: string; status: AttendanceValue; delegateId: string | null }[];
}

export interface QuorumResult {
	required: number;
	represented: number;
	met: boolean;
}

export function requiredForQuorum(rule: QuorumRuleValue, fixed: number | null, members: number) {
	if (rule === 'fixed') return Math.min(Math.max(fixed ?? 1, 1), Math.max(members, 1));
	if (rule === 'two_thirds') return Math.ceil((members * 2) / 3);
	return Math.floor(members / 2) + 1;
}

export function quorum({ rule, fixed, memberIds, attendance }: QuorumInput): QuorumResult {
	const members = new Set(memberIds);
	const present = new Set(
		attendance
			.filter((a) => a.status === 'present' && members.has(a.personId))
			.map((a) => a.personId)
	);
	const delegated = attendance.filter(
		(a) =>
			a.status === 'delegated' &&
			members.has(a.personId) &&
			a.delegateId !== null &&
			present.has(a.delegateId)
	).length;
	const required = requiredForQuorum(rule, fixed, members.size);
	const represented = present.size + delegated;
	return { required, represented, met: members.size > 0 && represented >= required };
}
