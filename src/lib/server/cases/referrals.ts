import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import {
	caseRecord,
	caseReferral,
	membership,
	organisation,
	type CaseRecord,
	type CaseReferral
} from '../db/schema';
import { authorize, findGrant } from '../access/policy';
import { ConflictError, InvalidError, NotFoundError, UnauthorizedError } from '../errors';
import { notify } from '../notifications/notify';
import { recordCaseAccess } from './audit';
import { erasedAt } from './erasure';
import { caseResource, findCase } from './records';
import type {
	ReferralDecisionInput,
	ReferralInput,
	ReferralWithdrawInput
} from '../../cases/referral-form';

/**
 * The policy's resource for reading one record: its organisation, plus the organisations whose
 * accepted referral lets them read it (by pseudonym, and by identity where it was shared).
 * Writing keeps `caseResource`: a referral never lets the receiver write or erase.
 */
export async function caseReadResource(db: Db, found: CaseRecord) {
	const accepted = await db
		.select({ to: caseReferral.toOrganisationId, identity: caseReferral.sharesIdentity })
		.from(caseReferral)
		.where(and(eq(caseReferral.caseId, found.id), eq(caseReferral.status, 'accepted')));
	return {
		...caseResource(found),
		referredToOrganisationIds: accepted.map((row) => row.to),
		identitySharedWithOrganisationIds: accepted.filter((row) => row.identity).map((row) => row.to)
	};
}

/** The organisations a record may be referred to: the others that have case operators here. */
export async function referralTargets(
	db: Db,
	projectId: string,
	exceptOrganisationId: string
): Promise<{ id: string; name: string }[]> {
	const rows = await db
		.selectDistinct({
			id: organisation.id,
			name: organisation.name,
			shortName: organisation.shortName
		})
		.from(membership)
		.innerJoin(organisation, eq(organisation.id, membership.organisationId))
		.where(
			and(
				eq(membership.projectId, projectId),
				eq(membership.role, 'case_operator'),
				ne(membership.organisationId, exceptOrganisationId)
			)
		);
	return rows
		.map((row) => ({ id: row.id, name: row.shortName ?? row.name }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

async function operatorsOf(db: Db, projectId: string, organisationId: string): Promise<string[]> {
	const rows = await db
		.select({ personId: membership.personId })
		.from(membership)
		.where(
			and(
				eq(membership.projectId, projectId),
				eq(membership.organisationId, organisationId),
				eq(membership.role, 'case_operator')
			)
		);
	return rows.map((row) => row.personId);
}

/**
 * Refers the person to another organisation of the network: the record's operators only. Nothing
 * moves yet; the receiver's operators are told and see the pseudonym and the reason.
 */
export async function refer(
	{ db, actor }: Ctx,
	projectId: string,
	caseId: string,
	input: ReferralInput
): Promise<CaseReferral> {
	if (!actor) throw new UnauthorizedError();
	const found = await findCase(db, projectId, caseId);
	await authorize(db, actor, 'case.refer', caseResource(found));
	if (await erasedAt(db, projectId, caseId)) throw new ConflictError('cases_erased');
	const targets = await referralTargets(db, projectId, found.organisationId);
	if (!targets.some((target) => target.id === input.toOrganisationId)) {
		throw new InvalidError('cases_referral_target', { toOrganisationId: ['invalid'] });
	}
	const open = await db
		.select({ id: caseReferral.id })
		.from(caseReferral)
		.where(
			and(
				eq(caseReferral.caseId, caseId),
				eq(caseReferral.toOrganisationId, input.toOrganisationId),
				eq(caseReferral.status, 'pending')
			)
		);
	if (open.length > 0) throw new ConflictError('cases_referral_pending');
	const created = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(caseReferral)
			.values({
				caseId,
				fromOrganisationId: found.organisationId,
				toOrganisationId: input.toOrganisationId,
				reason: input.reason,
				sharesIdentity: input.sharesIdentity,
				referredById: actor.id
			})
			.returning();
		// The title carries the pseudonym only: a notification is no place for who the person is.
		await notify(tx, {
			recipientIds: await operatorsOf(tx, projectId, input.toOrganisationId),
			kind: 'referral',
			projectId,
			resourceId: caseId,
			title: found.pseudonym,
			link: `/projects/${projectId}/cases#referrals`
		});
		return row;
	});
	await recordCaseAccess(db, {
		actorId: actor.id,
		action: 'case.refer',
		projectId,
		caseId,
		detail: {
			referralId: created.id,
			toOrganisationId: created.toOrganisationId,
			sharesIdentity: created.sharesIdentity
		}
	});
	return created;
}

export interface ReceivedReferral {
	id: string;
	caseId: string;
	pseudonym: string;
	fromOrganisationName: string;
	reason: string;
	sharesIdentity: boolean;
	createdAt: Date;
}

/** Pending referrals to the actor's organisation: pseudonym and reason, nothing identifying. */
export async function received({ db, actor }: Ctx, projectId: string): Promise<ReceivedReferral[]> {
	if (!actor) return [];
	const grant = await findGrant(db, actor.id, projectId);
	if (!grant || grant.role !== 'case_operator' || !grant.organisationId) return [];
	return db
		.select({
			id: caseReferral.id,
			caseId: caseReferral.caseId,
			pseudonym: caseRecord.pseudonym,
			fromOrganisationName: organisation.name,
			reason: caseReferral.reason,
			sharesIdentity: caseReferral.sharesIdentity,
			createdAt: caseReferral.createdAt
		})
		.from(caseReferral)
		.innerJoin(caseRecord, eq(caseRecord.id, caseReferral.caseId))
		.innerJoin(organisation, eq(organisation.id, caseReferral.fromOrganisationId))
		.where(
			and(
				eq(caseRecord.projectId, projectId),
				eq(caseReferral.toOrganisationId, grant.organisationId),
				eq(caseReferral.status, 'pending')
			)
		)
		.orderBy(desc(caseReferral.createdAt));
}

export interface SentReferral {
	id: string;
	toOrganisationName: string;
	reason: string;
	sharesIdentity: boolean;
	status: CaseReferral['status'];
	declineReason: string | null;
	withdrawReason: string | null;
	createdAt: Date;
}

/** A record's referrals, for its own organisation's page (the caller has checked the right). */
export async function sentFor(db: Db, caseId: string): Promise<SentReferral[]> {
	return db
		.select({
			id: caseReferral.id,
			toOrganisationName: organisation.name,
			reason: caseReferral.reason,
			sharesIdentity: caseReferral.sharesIdentity,
			status: caseReferral.status,
			declineReason: caseReferral.declineReason,
			withdrawReason: caseReferral.withdrawReason,
			createdAt: caseReferral.createdAt
		})
		.from(caseReferral)
		.innerJoin(organisation, eq(organisation.id, caseReferral.toOrganisationId))
		.where(inArray(caseReferral.caseId, [caseId]))
		.orderBy(desc(caseReferral.createdAt));
}

/**
 * The receiver's answer, by one of its operators. Accepting is what moves access (see
 * `caseReadResource`); declining needs a reason and moves nothing. Audited at this end too.
 */
export async function decide(
	{ db, actor }: Ctx,
	projectId: string,
	input: ReferralDecisionInput,
	accept: boolean
): Promise<CaseReferral> {
	if (!actor) throw new UnauthorizedError();
	const [row] = await db
		.select({ referral: caseReferral, projectId: caseRecord.projectId })
		.from(caseReferral)
		.innerJoin(caseRecord, eq(caseRecord.id, caseReferral.caseId))
		.where(and(eq(caseReferral.id, input.referralId), eq(caseRecord.projectId, projectId)));
	// The receiver's operators only; anyone else learns as little as from an unknown id.
	await authorize(db, actor, 'case.referral_decide', {
		projectId,
		organisationId: row?.referral.toOrganisationId ?? null
	});
	if (!row) throw new NotFoundError('cases_referral_not_found');
	if (row.referral.status !== 'pending') throw new ConflictError('cases_referral_decided');
	if (!accept && input.reason.length === 0) {
		throw new InvalidError('cases_referral_reason', { reason: ['required'] });
	}
	const [updated] = await db
		.update(caseReferral)
		.set({
			status: accept ? 'accepted' : 'declined',
			declineReason: accept ? null : input.reason,
			decidedById: actor.id,
			decidedAt: new Date()
		})
		.where(and(eq(caseReferral.id, input.referralId), eq(caseReferral.status, 'pending')))
		.returning();
	if (!updated) throw new ConflictError('cases_referral_decided');
	await recordCaseAccess(db, {
		actorId: actor.id,
		action: accept ? 'case.referral_accept' : 'case.referral_decline',
		projectId,
		caseId: updated.caseId,
		detail: { referralId: updated.id, fromOrganisationId: updated.fromOrganisationId }
	});
	return updated;
}

/**
 * The sender takes a referral back — pending, or accepted (the person's path changed, the
 * receiver no longer follows them): the record's operators only, with a reason. Withdrawing an
 * accepted one takes away what acceptance gave (see `caseReadResource`). Audited, ids only; the
 * receiver's operators are told, by pseudonym.
 */
export async function withdraw(
	{ db, actor }: Ctx,
	projectId: string,
	caseId: string,
	input: ReferralWithdrawInput
): Promise<CaseReferral> {
	if (!actor) throw new UnauthorizedError();
	const found = await findCase(db, projectId, caseId);
	await authorize(db, actor, 'case.refer', caseResource(found));
	const updated = await db.transaction(async (tx) => {
		const [row] = await tx
			.update(caseReferral)
			.set({
				status: 'withdrawn',
				withdrawReason: input.reason,
				withdrawnById: actor.id,
				withdrawnAt: new Date()
			})
			.where(
				and(
					eq(caseReferral.id, input.referralId),
					eq(caseReferral.caseId, caseId),
					inArray(caseReferral.status, ['pending', 'accepted'])
				)
			)
			.returning();
		if (!row) return null;
		await notify(tx, {
			recipientIds: await operatorsOf(tx, projectId, row.toOrganisationId),
			kind: 'referral',
			projectId,
			resourceId: caseId,
			title: found.pseudonym,
			link: `/projects/${projectId}/cases`
		});
		return row;
	});
	if (!updated) {
		const [known] = await db
			.select({ id: caseReferral.id })
			.from(caseReferral)
			.where(and(eq(caseReferral.id, input.referralId), eq(caseReferral.caseId, caseId)));
		// An id that is none of this record's referrals is a bad form, as a wrong target is.
		throw known
			? new ConflictError('cases_referral_closed')
			: new InvalidError('cases_referral_not_found', { referralId: ['invalid'] });
	}
	await recordCaseAccess(db, {
		actorId: actor.id,
		action: 'case.referral_withdraw',
		projectId,
		caseId,
		detail: { referralId: updated.id, toOrganisationId: updated.toOrganisationId }
	});
	return updated;
}
