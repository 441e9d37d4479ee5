import { asc, eq } from 'drizzle-orm';
import { m } from '../../paraglide/messages';
import type { Ctx } from '../context';
import { attendance, bodyMember, organisation, person, type AttendanceStatus } from '../db/schema';
import { authorize } from '../access/policy';
import { InvalidError } from '../errors';
import { quorum, type QuorumResult } from '../../governance/quorum';
import type { AttendanceInput } from '../../governance/meeting-form';
import { loadBodyAccess, minutesResource } from './body-access';
import { findMeeting } from './meetings';

export interface AttendanceRow {
	personId: string;
	name: string;
	organisationName: string | null;
	bodyRole: string;
	status: AttendanceStatus | null;
	delegateId: string | null;
}

/** Every member of the body with their attendance (null: not recorded yet) and the quorum. */
export async function sheet(
	{ db, actor }: Ctx,
	meetingId: string
): Promise<{ rows: AttendanceRow[]; quorum: QuorumResult }> {
	const found = await findMeeting(db, meetingId);
	await authorize(db, actor, 'governance.read', { projectId: found.projectId });
	const access = await loadBodyAccess(db, found.bodyId);
	const members = await db
		.select({
			personId: bodyMember.personId,
			name: person.name,
			organisationName: organisation.name,
			bodyRole: bodyMember.role
		})
		.from(bodyMember)
		.innerJoin(person, eq(bodyMember.personId, person.id))
		.leftJoin(organisation, eq(bodyMember.organisationId, organisation.id))
		.where(eq(bodyMember.bodyId, found.bodyId))
		.orderBy(asc(bodyMember.role), asc(person.name));
	const recorded = await db.select().from(attendance).where(eq(attendance.meetingId, meetingId));
	const byPerson = new Map(recorded.map((r) => [r.personId, r]));
	const rows = members.map((m) => ({
		...m,
		status: byPerson.get(m.personId)?.status ?? null,
		delegateId: byPerson.get(m.personId)?.delegateId ?? null
	}));
	const result = quorum({
		rule: access.body.quorumRule,
		fixed: access.body.quorumFixed,
		memberIds: access.memberIds,
		attendance: recorded
	});
	return { rows, quorum: result };
}

/** Members of the body record attendance while they write the verbale; frozen with it. */
export async function recordAttendance(
	{ db, actor }: Ctx,
	meetingId: string,
	input: AttendanceInput
) {
	const found = await findMeeting(db, meetingId);
	const access = await loadBodyAccess(db, found.bodyId);
	await authorize(
		db,
		actor,
		'minutes.write',
		minutesResource(access, found.minutesStatus === 'approved')
	);
	const issues: Record<string, string[]> = {};
	for (const entry of input.entries) {
		const key = `status.${entry.personId}`;
		if (!access.memberIds.includes(entry.personId)) issues[key] = [m.error_gov_not_body_member()];
		else if (entry.status === 'delegated') {
			const delegate = entry.delegateId;
			if (!delegate || delegate === entry.personId || !access.memberIds.includes(delegate)) {
				issues[`delegate.${entry.personId}`] = [m.error_gov_delegate_invalid()];
			}
		}
	}
	if (Object.keys(issues).length > 0) throw new InvalidError('gov_attendance_invalid', issues);
	await db.transaction(async (tx) => {
		for (const entry of input.entries) {
			const values = {
				status: entry.status,
				delegateId: entry.status === 'delegated' ? entry.delegateId : null
			};
			await tx
				.insert(attendance)
				.values({ meetingId, personId: entry.personId, ...values })
				.onConflictDoUpdate({ target: [attendance.meetingId, attendance.personId], set: values });
		}
	});
}
