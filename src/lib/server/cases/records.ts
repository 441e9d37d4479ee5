import { and, desc, eq } from 'drizzle-orm';
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
import { authorize, decide, findGrant } from '../access/policy';
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

/**
 * The project's records the actor may read, by pseudonym: all of them for coordinators and
 * facilitators, their own organisation's for case operators (the policy decides row by row).
 */
export async function list({ db, actor }: Ctx, projectId: string): Promise<CaseSummary[]> {
	const grant = await authorize(db, actor, 'case.read_pseudonymous', { projectId });
	const rows = await db
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
		.where(eq(caseRecord.projectId, projectId))
		.orderBy(desc(caseRecord.updatedAt));
	// Records referred to the actor's organisation and accepted are theirs to read as well.
	const accepted = await db
		.select({ caseId: caseReferral.caseId, to: caseReferral.toOrganisationId })
		.from(caseReferral)
		.innerJoin(caseRecord, eq(caseRecord.id, caseReferral.caseId))
		.where(and(eq(caseRecord.projectId, projectId), eq(caseReferral.status, 'accepted')));
	const referredTo = (caseId: string) =>
		accepted.filter((row) => row.caseId === caseId).map((row) => row.to);
	const readable = rows.filter((row) =>
		decide(grant, 'case.read_pseudonymous', {
			projectId,
			organisationId: row.organisationId,
			referredToOrganisationIds: referredTo(row.id)
		})
	);
	await recordCaseAccess(db, {
		actorId: grant.actor.id,
		action: 'case.list',
		projectId,
		detail: { count: readable.length }
	});
	return readable.map((row) => ({
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
