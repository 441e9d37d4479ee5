import { eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { caseRecord, type CaseRecord } from '../db/schema';
import { authorize } from '../access/policy';
import { UnauthorizedError } from '../errors';
import type { CaseProfileInput } from '../../cases/case-form';
import { recordCaseAccess } from './audit';
import { caseResource, findCase } from './records';
import { assertMunicipality } from './register-checks';

/**
 * Sets what the indicators count a person by (target group, comune, who referred them). Only the
 * organisation's operators may, as for every write. The audit entry names the record only: a
 * target group such as L. 68/99 is sensitive even without a name.
 */
export async function update(
	{ db, actor }: Ctx,
	projectId: string,
	caseId: string,
	input: CaseProfileInput
): Promise<CaseRecord> {
	if (!actor) throw new UnauthorizedError();
	const found = await findCase(db, projectId, caseId);
	await authorize(db, actor, 'case.write', caseResource(found));
	await assertMunicipality(db, input.municipalityId);
	const [row] = await db
		.update(caseRecord)
		.set({ ...input, updatedAt: new Date() })
		.where(eq(caseRecord.id, caseId))
		.returning();
	await recordCaseAccess(db, {
		actorId: actor.id,
		action: 'case.profile',
		projectId,
		caseId
	});
	return row;
}
