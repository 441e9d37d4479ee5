import { eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { caseEvent, caseRecord, type CaseEvent } from '../db/schema';
import { authorize } from '../access/policy';
import type { CaseEventInput } from '../../cases/event-form';
import { UnauthorizedError } from '../errors';
import { recordCaseAccess } from './audit';
import { caseResource, findCase } from './records';
import { assertInRegister } from './register-checks';
import { followEvent } from './follow-ups';
import { refreshCaseSummary } from '../monitoring/case-summary';

/**
 * Adds a dated event or note to a record's log; when it names a status, the path moves there
 * in the same transaction, so the log always explains the current status. An outcome schedules
 * the six-month follow-up and a follow-up event completes it, and the case's monitoring summary
 * is recomputed (ADR 0175), in the same transaction too.
 */
export async function add(
	{ db, actor }: Ctx,
	projectId: string,
	caseId: string,
	input: Omit<CaseEventInput, 'details'> & { details?: CaseEventInput['details'] }
): Promise<CaseEvent> {
	if (!actor) throw new UnauthorizedError();
	const found = await findCase(db, projectId, caseId);
	await authorize(db, actor, 'case.write', caseResource(found));
	const details = input.details ?? {};
	await assertInRegister(db, details);
	const added = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(caseEvent)
			.values({
				caseId,
				kind: input.kind,
				occurredOn: input.occurredOn,
				note: input.note,
				details,
				status: input.status,
				authorId: actor.id
			})
			.returning();
		await tx
			.update(caseRecord)
			.set({ updatedAt: new Date(), ...(input.status ? { status: input.status } : {}) })
			.where(eq(caseRecord.id, caseId));
		await followEvent(tx, row);
		await refreshCaseSummary(tx, caseId);
		return row;
	});
	await recordCaseAccess(db, {
		actorId: actor.id,
		action: 'case.event',
		projectId: found.projectId,
		caseId,
		detail: { kind: input.kind, status: input.status }
	});
	return added;
}
