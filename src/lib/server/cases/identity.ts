import { eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { caseIdentity, caseRecord } from '../db/schema';
import { authorize } from '../access/policy';
import { ConflictError, UnauthorizedError } from '../errors';
import { erasedAt } from './erasure';
import type { CaseIdentityInput } from '../../cases/case-form';
import { recordCaseAccess } from './audit';
import { caseResource, findCase } from './records';

/**
 * Corrects who the person is (a misspelt name, a new phone number): the organisation's
 * operators only. The audit row names the fields changed, never their values.
 */
export async function correct(
	{ db, actor }: Ctx,
	projectId: string,
	caseId: string,
	input: CaseIdentityInput
): Promise<void> {
	if (!actor) throw new UnauthorizedError();
	const found = await findCase(db, projectId, caseId);
	await authorize(db, actor, 'case.write', caseResource(found));
	// Erased is final: the person is not written back under the same pseudonym.
	if (await erasedAt(db, projectId, caseId)) throw new ConflictError('cases_erased');
	const values = {
		fullName: input.fullName,
		fiscalCode: input.fiscalCode,
		phone: input.phone,
		email: input.email
	};
	const [before] = await db.select().from(caseIdentity).where(eq(caseIdentity.caseId, caseId));
	const changed = (Object.keys(values) as (keyof typeof values)[]).filter(
		(field) => before?.[field] !== values[field]
	);
	await db.transaction(async (tx) => {
		await tx
			.insert(caseIdentity)
			.values({ caseId, ...values })
			.onConflictDoUpdate({ target: caseIdentity.caseId, set: values });
		await tx.update(caseRecord).set({ updatedAt: new Date() }).where(eq(caseRecord.id, caseId));
	});
	await recordCaseAccess(db, {
		actorId: actor.id,
		action: 'case.identity',
		projectId,
		caseId,
		detail: { fields: changed }
	});
}
