import { and, desc, eq } from 'drizzle-orm';
import { m } from '../../paraglide/messages';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { auditEntry, caseEvent, caseIdentity, caseRecord, labSessionExcerpt } from '../db/schema';
import { authorize } from '../access/policy';
import { InvalidError, UnauthorizedError } from '../errors';
import { normalisePseudonym } from '../../cases/audit-filter';
import type { ErasureInput } from '../../cases/erasure-form';
import { recordCaseAccess } from './audit';
import { caseResource, findCase } from './records';

/**
 * GDPR art. 17: a person's record loses who they are (the identity row) and every free-text
 * note, and keeps what is anonymous — pseudonym, status, profile codes, the dated events with
 * their structured fields, the ESF+ codes (a legal reporting duty, art. 17(3)(b)) — so the
 * monitoring indicators count exactly as before. The audit entry is the record of the erasure:
 * when, by whom, on which ground (a code), nothing else.
 */

/** When the record was erased, read from its audit entry; null when it never was. */
export async function erasedAt(db: Db, projectId: string, caseId: string): Promise<Date | null> {
	const [row] = await db
		.select({ at: auditEntry.at })
		.from(auditEntry)
		.where(
			and(
				eq(auditEntry.projectId, projectId),
				eq(auditEntry.resourceType, 'case'),
				eq(auditEntry.resourceId, caseId),
				eq(auditEntry.action, 'case.erase')
			)
		)
		.orderBy(desc(auditEntry.at))
		.limit(1);
	return row?.at ?? null;
}

export async function erase(
	{ db, actor }: Ctx,
	projectId: string,
	caseId: string,
	input: ErasureInput
): Promise<void> {
	if (!actor) throw new UnauthorizedError();
	const found = await findCase(db, projectId, caseId);
	await authorize(db, actor, 'case.erase', caseResource(found));
	// Typing the pseudonym again is the confirmation: the wrong record is not erased by a slip.
	if (normalisePseudonym(input.confirm) !== found.pseudonym) {
		throw new InvalidError('cases_erase_confirm_mismatch', {
			confirm: [m.error_cases_erase_confirm_mismatch()]
		});
	}
	await db.transaction(async (tx) => {
		await tx.delete(caseIdentity).where(eq(caseIdentity.caseId, caseId));
		await tx.update(caseEvent).set({ note: '' }).where(eq(caseEvent.caseId, caseId));
		// Excerpts shared with labs came from the notes: they go with them.
		await tx.delete(labSessionExcerpt).where(eq(labSessionExcerpt.caseId, caseId));
		await tx.update(caseRecord).set({ updatedAt: new Date() }).where(eq(caseRecord.id, caseId));
	});
	await recordCaseAccess(db, {
		actorId: actor.id,
		action: 'case.erase',
		projectId,
		caseId,
		detail: { reason: input.reason }
	});
}
