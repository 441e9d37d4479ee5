import type { Db } from '../db/client';
import { record } from '../audit/audit';
import type { CaseAuditAction } from '../../cases/audit-actions';

export type { CaseAuditAction };

/**
 * Every read and write of a case record leaves a row: who, which record, when. Ids and codes
 * only; the pseudonym is not written either, so the log itself identifies nobody.
 */
export async function recordCaseAccess(
	db: Db,
	entry: {
		actorId: string;
		action: CaseAuditAction;
		projectId: string;
		caseId?: string;
		detail?: Record<string, unknown>;
	}
): Promise<void> {
	await record(db, {
		actorId: entry.actorId,
		action: entry.action,
		resourceType: entry.caseId ? 'case' : 'case_list',
		resourceId: entry.caseId ?? null,
		projectId: entry.projectId,
		detail: entry.detail
	});
}
