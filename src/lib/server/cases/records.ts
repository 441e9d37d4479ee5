import { and, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import {
	caseEvent,
	caseIdentity,
	caseRecord,
	caseReferral,
	organisation,
	type CaseRecord,
	type CaseStatus
} from '../db/schema';
import { authorize, decide, findGrant, type Grant } from '../access/policy';
import { NotFoundError, UnauthorizedError } from '../errors';
import type { CaseCreateInput, CaseProfileInput } from '../../cases/case-form';
import { recordCaseAccess } from './audit';
import { refreshCaseSummary } from '../monitoring/case-summary';
import { freshPseudonym } from './pseudonym';
import { assertMunicipality } from './register-checks';

/** A record of the project the URL names: one of another project is as unknown as no record. */
export async function findCase(db: Db, projectId: string, caseId: string): Promise<CaseRecord> {
	const [found] = await db
		.select()
		.from(caseRecord)
		.where(and(eq(caseRecord.id, caseId), eq(caseRecord.projectId, projectId)));
	if (!found) throw new NotFoundError('cases_not_found');
	return found;
}

/** The policy's resource for one record: its project and the organisation that follows it. */
export const caseResource = (found: Pick<CaseRecord, 'projectId' | 'organisationId'>) => ({
	projectId: found.projectId,
	organisationId: found.organisationId
});

export interface CaseSummary {
	id: string;
	pseudonym: string;
	status: CaseStatus;
	organisationName: string;
	updatedAt: Date;
}

/** Rows a page of the case list shows (issue 15: 2,000 records rendered at once took seconds). */
export const CASE_PAGE_SIZE = 50;

export interface CasePage {
	cases: CaseSummary[];
	/** Records that match the search, on every page. */
	total: number;
	page: number;
	pageSize: number;
}

/**
 * The project's records the actor may read, by pseudonym: all of them for coordinators and
 * facilitators, their own organisation's (and those referred to it and accepted) for case
 * operators. Newest change first, `CASE_PAGE_SIZE` a page; `search` matches part of the
 * pseudonym, never the identity (the list never joins identities).
 */
export async function listPage(
	{ db, actor }: Ctx,
	projectId: string,
	options: { search?: string; page?: number } = {}
): Promise<CasePage> {
	const grant = await authorize(db, actor, 'case.read_pseudonymous', { projectId });
	const page = Math.max(0, Math.floor(options.page ?? 0));
	const where = and(
		eq(caseRecord.projectId, projectId),
		readableBy(grant),
		options.search ? ilike(caseRecord.pseudonym, `%${escapeLike(options.search)}%`) : undefined
	);
	const [rows, [{ total }]] = await Promise.all([
		summaries(db, where)
			.limit(CASE_PAGE_SIZE)
			.offset(page * CASE_PAGE_SIZE),
		db.select({ total: count() }).from(caseRecord).where(where)
	]);
	const cases = await onlyReadable(db, grant, projectId, rows);
	await recordCaseAccess(db, {
		actorId: grant.actor.id,
		action: 'case.list',
		projectId,
		detail: { count: cases.length }
	});
	return { cases, total, page, pageSize: CASE_PAGE_SIZE };
}

/** Every record the actor may read, unpaged (tests and small lists; the page uses listPage). */
export async function list({ db, actor }: Ctx, projectId: string): Promise<CaseSummary[]> {
	const grant = await authorize(db, actor, 'case.read_pseudonymous', { projectId });
	const rows = await summaries(db, and(eq(caseRecord.projectId, projectId), readableBy(grant)));
	const cases = await onlyReadable(db, grant, projectId, rows);
	await recordCaseAccess(db, {
		actorId: grant.actor.id,
		action: 'case.list',
		projectId,
		detail: { count: cases.length }
	});
	return cases;
}

function summaries(db: Db, where: SQL | undefined) {
	return db
		.select({
			id: caseRecord.id,
			pseudonym: caseRecord.pseudonym,
			status: caseRecord.status,
			organisationId: caseRecord.organisationId,
			organisationName: organisation.name,
			shortName: organisation.shortName,
			updatedAt: caseRecord.updatedAt
		})
		.from(caseRecord)
		.innerJoin(organisation, eq(organisation.id, caseRecord.organisationId))
		.where(where)
		.orderBy(desc(caseRecord.updatedAt), desc(caseRecord.id))
		.$dynamic();
}

/**
 * The rows `decide` would let this grant read, as SQL, so that counting and paging happen in the
 * database: a case operator reads their organisation's records and those referred to it and
 * accepted. The rows fetched are still checked by `decide` (onlyReadable): this only narrows.
 */
function readableBy(grant: Grant): SQL | undefined {
	if (grant.role !== 'case_operator') return undefined;
	if (grant.organisationId === null) return sql`false`;
	return or(
		eq(caseRecord.organisationId, grant.organisationId),
		sql`exists (select 1 from ${caseReferral} where ${caseReferral.caseId} = ${caseRecord.id} and ${caseReferral.status} = 'accepted' and ${caseReferral.toOrganisationId} = ${grant.organisationId})`
	);
}

/** `text` for ILIKE: its own `%`, `_` and `\` match themselves. */
function escapeLike(text: string): string {
	return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The policy's answer for each row, with the accepted referrals of these rows only. */
async function onlyReadable(
	db: Db,
	grant: Grant,
	projectId: string,
	rows: {
		id: string;
		pseudonym: string;
		status: CaseStatus;
		organisationId: string;
		organisationName: string;
		shortName: string | null;
		updatedAt: Date;
	}[]
): Promise<CaseSummary[]> {
	const accepted =
		rows.length === 0
			? []
			: await db
					.select({ caseId: caseReferral.caseId, to: caseReferral.toOrganisationId })
					.from(caseReferral)
					.where(
						and(
							inArray(
								caseReferral.caseId,
								rows.map((row) => row.id)
							),
							eq(caseReferral.status, 'accepted')
						)
					);
	const referredTo = new Map<string, string[]>();
	for (const row of accepted) {
		referredTo.set(row.caseId, [...(referredTo.get(row.caseId) ?? []), row.to]);
	}
	return rows
		.filter((row) =>
			decide(grant, 'case.read_pseudonymous', {
				projectId,
				organisationId: row.organisationId,
				referredToOrganisationIds: referredTo.get(row.id) ?? []
			})
		)
		.map((row) => ({
			id: row.id,
			pseudonym: row.pseudonym,
			status: row.status,
			organisationName: row.shortName ?? row.organisationName,
			updatedAt: row.updatedAt
		}));
}

/**
 * Throws unless the actor may open records here (a case operator on behalf of an organisation);
 * returns that organisation, which the new record belongs to.
 */
export async function authorizeCreate(ctx: Ctx, projectId: string): Promise<string> {
	return (await authorizedCreator(ctx, projectId)).organisationId;
}

/** The same check, also returning who passed it (known signed in from here on). */
export async function authorizedCreator({ db, actor }: Ctx, projectId: string) {
	if (!actor) throw new UnauthorizedError();
	const grant = await findGrant(db, actor.id, projectId);
	if (!grant) throw new NotFoundError('project_not_found');
	await authorize(db, actor, 'case.write', { projectId, organisationId: grant.organisationId });
	return { actor, organisationId: grant.organisationId! };
}

export async function canCreate(ctx: Ctx, projectId: string): Promise<boolean> {
	return authorizeCreate(ctx, projectId).then(
		() => true,
		() => false
	);
}

/** Who opens records and for which organisation: what `authorizedCreator` found. */
export interface Opener {
	projectId: string;
	organisationId: string;
	actorId: string;
}

/**
 * Writes one new record inside the caller's transaction: a fresh pseudonym, the identity kept
 * apart, and the referral as the first event of the log. The caller has checked the input.
 */
export async function insertCase(
	tx: Db,
	{ projectId, organisationId, actorId }: Opener,
	input: Omit<CaseCreateInput, keyof CaseProfileInput> & Partial<CaseProfileInput>
): Promise<CaseRecord> {
	const [row] = await tx
		.insert(caseRecord)
		.values({
			projectId,
			organisationId,
			pseudonym: await freshPseudonym(tx, projectId),
			targetCategory: input.targetCategory ?? null,
			municipalityId: input.municipalityId ?? null,
			referralSource: input.referralSource ?? null,
			createdById: actorId
		})
		.returning();
	await tx.insert(caseIdentity).values({
		caseId: row.id,
		fullName: input.fullName,
		fiscalCode: input.fiscalCode,
		phone: input.phone,
		email: input.email
	});
	await tx.insert(caseEvent).values({
		caseId: row.id,
		kind: 'referral',
		occurredOn: input.referredOn,
		note: input.note,
		status: 'referred',
		authorId: actorId
	});
	// The monitoring's per-case summary is kept in the same transaction (ADR 0175).
	await refreshCaseSummary(tx, row.id);
	return row;
}

/** Opens a record for the actor's organisation. */
export async function create(
	ctx: Ctx,
	projectId: string,
	input: Omit<CaseCreateInput, keyof CaseProfileInput> & Partial<CaseProfileInput>
): Promise<CaseRecord> {
	const { db } = ctx;
	const { actor, organisationId } = await authorizedCreator(ctx, projectId);
	await assertMunicipality(db, input.municipalityId ?? null);
	const created = await db.transaction((tx) =>
		insertCase(tx, { projectId, organisationId, actorId: actor.id }, input)
	);
	await recordCaseAccess(db, {
		actorId: actor.id,
		action: 'case.create',
		projectId,
		caseId: created.id
	});
	return created;
}
