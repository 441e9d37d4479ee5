import type { Db } from '../db/client';
import { auditEntry } from '../db/schema';

export interface AuditRecord {
	actorId: string | null;
	action: string;
	resourceType: string;
	resourceId?: string | null;
	projectId?: string | null;
	/** Ids and codes only: never names, e-mails or case details. */
	detail?: Record<string, unknown>;
}

/** Appends one row to the audit log; it is never updated or deleted. */
export async function record(db: Db, entry: AuditRecord): Promise<void> {
	await db.insert(auditEntry).values(entry);
}
