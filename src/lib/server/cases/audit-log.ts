import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context';
import { auditEntry, caseRecord, person } from '../db/schema';
import { authorize } from '../access/policy';
import { CASE_AUDIT_ACTIONS, type CaseAuditAction } from '../../cases/audit-actions';
import { auditRange, type AuditFilter } from '../../cases/audit-filter';
import { recordCaseAccess } from './audit';

/**
 * The case audit log as the coordinator reads it: who read or changed which record, when. The
 * log stores ids only; the pseudonym and the actor's name are joined here, at read time, so the
 * log itself still identifies nobody and a record's pseudonym shows wherever it is looked up.
 */

export const PAGE_SIZE = 50;
/** The CSV takes the whole filtered log, up to this many rows. */
export const EXPORT_LIMIT = 50_000;

export interface AuditRow {
	id: number;
	at: Date;
	action: CaseAuditAction;
	actorName: string | null;
	/** Null for reads of the list, and for the log's own reads. */
	pseudonym: string | null;
	detail: Record<string, unknown> | null;
}

// The log's resource id is text (it holds ids of every kind); a case's is a uuid.
const caseOfEntry = and(
	eq(auditEntry.resourceType, 'case'),
	sql`${caseRecord.id}::text = ${auditEntry.resourceId}`,
	eq(caseRecord.projectId, auditEntry.projectId)
);

function conditions(projectId: string, filter: AuditFilter): SQL {
	const where: (SQL | undefined)[] = [
		eq(auditEntry.projectId, projectId),
		inArray(auditEntry.action, [...CASE_AUDIT_ACTIONS])
	];
	if (filter.actorId) where.push(eq(auditEntry.actorId, filter.actorId));
	if (filter.action) where.push(eq(auditEntry.action, filter.action));
	const { since, until } = auditRange(filter);
	if (since) where.push(gte(auditEntry.at, since));
	if (until) where.push(lt(auditEntry.at, until));
	if (filter.pseudonym) where.push(eq(caseRecord.pseudonym, filter.pseudonym));
	return and(...where)!;
}

/** One page of the filtered log, newest first; the reading is itself logged. */
export async function list(
	{ db, actor }: Ctx,
	projectId: string,
	filter: AuditFilter,
	page: { limit: number; offset: number; export?: boolean } = { limit: PAGE_SIZE, offset: 0 }
): Promise<{ rows: AuditRow[]; total: number }> {
	const grant = await authorize(db, actor, 'audit.read', { projectId });
	const where = conditions(projectId, filter);
	const [rows, [{ total }]] = await Promise.all([
		db
			.select({
				id: auditEntry.id,
				at: auditEntry.at,
				action: auditEntry.action,
				actorName: person.name,
				pseudonym: caseRecord.pseudonym,
				detail: auditEntry.detail
			})
			.from(auditEntry)
			.leftJoin(person, eq(person.id, auditEntry.actorId))
			.leftJoin(caseRecord, caseOfEntry)
			.where(where)
			.orderBy(desc(auditEntry.at), desc(auditEntry.id))
			.limit(page.limit)
			.offset(page.offset),
		db.select({ total: count() }).from(auditEntry).leftJoin(caseRecord, caseOfEntry).where(where)
	]);
	// Reading who read is a read too; the filter is not written, it may hold a pseudonym.
	await recordCaseAccess(db, {
		actorId: grant.actor.id,
		action: 'case.audit_read',
		projectId,
		detail: { export: page.export === true, count: rows.length }
	});
	return { rows: rows.map((row) => ({ ...row, action: row.action as CaseAuditAction })), total };
}

/** The people who appear in the project's case log, for the filter: former members included. */
export async function actors({ db, actor }: Ctx, projectId: string) {
	await authorize(db, actor, 'audit.read', { projectId });
	return db
		.selectDistinct({ id: person.id, name: person.name })
		.from(auditEntry)
		.innerJoin(person, eq(person.id, auditEntry.actorId))
		.where(
			and(eq(auditEntry.projectId, projectId), inArray(auditEntry.action, [...CASE_AUDIT_ACTIONS]))
		)
		.orderBy(asc(person.name));
}
